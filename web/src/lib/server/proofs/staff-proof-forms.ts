import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { StaffLockProofDocument, StaffPublishProofDocument } from '$lib/graphql/__generated__/staff.ts';
import { ApiError } from '$lib/server/engine/api-error.ts';
import { m } from '$lib/paraglide/messages.js';
import { formText } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';

/** What a staff proof form reports, kept under `proof` so it never mixes with the page's other forms. */
export interface StaffProofOutcome {
  action: 'publish' | 'lock';
  target: string;
  message?: string;
  done?: boolean;
  version?: number;
}

function refused(action: StaffProofOutcome['action'], target: string, caught: unknown) {
  if (!(caught instanceof ApiError)) throw caught;
  return fail(/^[A-Z_]+$/.test(caught.code) ? 409 : 502, { proof: { action, target, message: caught.message } satisfies StaffProofOutcome });
}

/** Built per request: its message is in the request's language. */
const notesSchema = () => z.string().trim().max(2000, { error: m.proofs_staff_note_too_long });

/** Publishes a clean proof file as its line's next version, with a note to the customer. */
export async function publishProofAction({ request, locals, url }: RequestEvent) {
  requireUser(locals, url);
  const form = await request.formData();
  const fileId = formText(form, 'fileId');
  const note = notesSchema().safeParse(formText(form, 'notes'));
  if (!z.uuid().safeParse(fileId).success) return fail(400, { proof: { action: 'publish', target: fileId, message: m.proofs_choose_file() } satisfies StaffProofOutcome });
  if (!note.success) return fail(400, { proof: { action: 'publish', target: fileId, message: note.error.issues[0]!.message } satisfies StaffProofOutcome });
  try {
    const { proof } = await locals.api.mutate(StaffPublishProofDocument, { fileId, notes: note.data || null });
    return { proof: { action: 'publish', target: fileId, done: true, version: proof.version } satisfies StaffProofOutcome };
  } catch (caught) {
    return refused('publish', fileId, caught);
  }
}

/** Locks a proof's current version, so its decision can no longer be withdrawn. */
export async function lockProofAction({ request, locals, url }: RequestEvent) {
  requireUser(locals, url);
  const proofId = formText(await request.formData(), 'proofId');
  if (!z.uuid().safeParse(proofId).success) return fail(400, { proof: { action: 'lock', target: proofId, message: m.proofs_not_on_page() } satisfies StaffProofOutcome });
  try {
    await locals.api.mutate(StaffLockProofDocument, { proofId });
    return { proof: { action: 'lock', target: proofId, done: true } satisfies StaffProofOutcome };
  } catch (caught) {
    return refused('lock', proofId, caught);
  }
}
