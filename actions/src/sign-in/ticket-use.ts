import type { MfaTicketClaims } from '../auth/mfa-ticket.ts';
import { claimOnce } from '../auth/rate-limit.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';

/** A ticket from the password step completes one sign-in only: its use is a `once:` marker. */
const ticketKey = (claims: MfaTicketClaims) => `mfa-ticket:${claims.ticketId}`;

export async function ticketSpent(tx: Queryable, claims: MfaTicketClaims): Promise<boolean> {
  return (await maybeOne(tx, 'select 1 from public.rate_limit_buckets where bucket_key = $1', [`once:${ticketKey(claims)}`])) !== undefined;
}

/** False when a concurrent request completed this ticket first. */
export function spendTicket(tx: Queryable, claims: MfaTicketClaims, now: Date): Promise<boolean> {
  return claimOnce(tx, ticketKey(claims), now);
}
