import { m } from '../../../lib/paraglide/messages.js';

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** The limit as typed: empty means no limit (every approver may approve any quote). */
export function parseApprovalLimit(raw: string): { ok: true; limit: string | null } | { ok: false; error: string } {
  const text = raw.trim().replaceAll(',', '');
  if (text === '') return { ok: true, limit: null };
  if (!MONEY.test(text)) return { ok: false, error: m.company_limit_invalid() };
  return { ok: true, limit: text };
}
