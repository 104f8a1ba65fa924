import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const optional = (schema: z.ZodString) => z.string().trim().transform((value) => (value === '' ? null : value)).pipe(schema.nullable());

/** What the approver confirms: the revision they saw (a newer one is refused by the server), and optionally their PO and date. */
export const approvalForm = z
  .object({
    revision: z.coerce.number().int().min(1),
    customerPoNumber: optional(z.string().max(64, 'Keep the PO number under 64 characters.')),
    requestedDeliveryDate: optional(z.string().regex(DAY, 'Enter the date as on a calendar.')),
    confirm: z.literal('on', { error: 'Tick the box to confirm that you approve.' }),
  })
  .transform(({ confirm: _confirmed, ...input }) => input);

const statement = (missing: string) => z.string().trim().min(1, missing).max(2000, 'Keep it under 2,000 characters.');
export const rejectionForm = z.object({ reason: statement('Say why the quote does not work for you.') });
export const changesForm = z.object({ notes: statement('Say what should change.') });

export type FormErrors = Record<string, string>;

/** Parses a submitted form with one of the schemas above, naming each field's problem. */
export function parseDecision<S extends z.ZodType>(schema: S, form: FormData): { ok: true; value: z.output<S> } | { ok: false; errors: FormErrors } {
  const parsed = schema.safeParse(Object.fromEntries([...form].filter(([, value]) => typeof value === 'string')));
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, errors };
}

