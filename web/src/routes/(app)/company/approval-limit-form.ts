const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** The limit as typed: empty means no limit (every approver may approve any quote). */
export function parseApprovalLimit(raw: string): { ok: true; limit: string | null } | { ok: false; error: string } {
  const text = raw.trim().replaceAll(',', '');
  if (text === '') return { ok: true, limit: null };
  if (!MONEY.test(text)) return { ok: false, error: 'Enter an amount such as 5000 or 5000.00, or leave it empty for no limit.' };
  return { ok: true, limit: text };
}
