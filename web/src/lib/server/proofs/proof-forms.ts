import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { ProofAddCommentDocument, ProofResolveCommentDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';

const optionalNumber = (schema: z.ZodNumber) => z.preprocess((value) => (value === '' || value === null ? null : Number(value)), schema.nullable());

/** Built per request: its messages are in the request's language. */
function commentForm() {
  return z.object({
    body: z.string().trim().min(1, { error: m.proofs_comment_missing }).max(4000, { error: m.proofs_comment_too_long }),
    page: optionalNumber(z.number().int().min(1)),
    x: optionalNumber(z.number().min(0).max(1)),
    y: optionalNumber(z.number().min(0).max(1)),
    parentId: z.preprocess((value) => (value === '' ? null : value), z.uuid().nullable()),
  });
}

/**
 * The comment and resolve form actions of the proof viewer, the same for customers and staff: the
 * engine's action checks who may comment on which proof.
 */
export async function addProofComment({ request, locals, params, url }: RequestEvent): Promise<unknown> {
  requireUser(locals, url);
  const form = await request.formData();
  const parsed = commentForm().safeParse({
    body: formText(form, 'body'), page: formText(form, 'page'), x: formText(form, 'x'), y: formText(form, 'y'), parentId: formText(form, 'parentId'),
  });
  const parentId = formText(form, 'parentId') || null;
  if (!parsed.success) return fail(400, { form: 'comment', parentId, message: parsed.error.issues[0]!.message, code: 'INPUT' });
  const { body, page, x, y } = parsed.data;
  try {
    await locals.api.mutate(ProofAddCommentDocument, {
      proofId: params.id!, body, parentId: parsed.data.parentId,
      ...(parsed.data.parentId ? { page: null, x: null, y: null } : { page, x, y }),
    });
    return { form: 'comment', parentId, done: true };
  } catch (caught) {
    return apiFailure(caught, { form: 'comment', parentId });
  }
}

export async function resolveProofComment({ request, locals, url }: RequestEvent): Promise<unknown> {
  requireUser(locals, url);
  const form = await request.formData();
  const commentId = formText(form, 'commentId');
  if (!z.uuid().safeParse(commentId).success) return fail(400, { form: 'resolve', message: m.proofs_comment_not_here(), code: 'INPUT' });
  try {
    await locals.api.mutate(ProofResolveCommentDocument, { commentId, resolved: formText(form, 'resolved') === 'true' });
    return { form: 'resolve', done: true };
  } catch (caught) {
    return apiFailure(caught, { form: 'resolve', commentId });
  }
}
