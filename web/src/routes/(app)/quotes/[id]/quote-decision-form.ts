import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const optional = (schema: z.ZodString) => z.string().trim().transform((value) => (value === '' ? null : value)).pipe(schema.nullable());

/**
 * What the approver confirms: the revision they saw (a newer one is refused by the server), and optionally their PO and date.
 * The schemas are built per request: their messages are in the request's language.
 */
export const approvalForm = () => z
  .object({
    revision: z.coerce.number().int().min(1),
    customerPoNumber: optional(z.string().max(64, { error: m.quotes_po_too_long })),
    requestedDeliveryDate: optional(z.string().regex(DAY, { error: m.quotes_date_invalid })),
    confirm: z.literal('on', { error: m.quotes_confirm_missing }),
  })
  .transform(({ confirm: _confirmed, ...input }) => input);

const statement = (missing: () => string) => z.string().trim().min(1, { error: missing }).max(2000, { error: m.quotes_statement_too_long });
export const rejectionForm = () => z.object({ reason: statement(m.quotes_reason_missing) });
export const changesForm = () => z.object({ notes: statement(m.quotes_changes_missing) });

export type FormErrors = Record<string, string>;

/** Parses a submitted form with one of the schemas above, naming each field's problem. */
export function parseDecision<S extends z.ZodType>(schema: S, form: FormData): { ok: true; value: z.output<S> } | { ok: false; errors: FormErrors } {
  const parsed = schema.safeParse(Object.fromEntries([...form].filter(([, value]) => typeof value === 'string')));
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, errors };
}

