import { all } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { queueNotification, type Recipient } from '../notifications/outbox.ts';
import { tenantStaff } from '../quotes/recipients.ts';
import type { ProofRow } from './proof-store.ts';

/**
 * The company's people who decide proofs (approvers and admins), active and not opted out of
 * "proof ready" emails (`notification_preferences.proof_ready`, on unless set to false).
 */
function proofApprovers(db: Queryable, customerId: string): Promise<Recipient[]> {
  return all<Recipient>(
    db,
    `select id, tenant_id, customer_id, email, first_name, preferred_language from public.customer_users
      where customer_id = $1 and active and role in ('customer_approver', 'customer_admin')
        and coalesce(notification_preferences ->> 'proof_ready', 'true') <> 'false'
      order by email`,
    [customerId],
  );
}

function proofFacts(proof: ProofRow): Record<string, unknown> {
  return {
    proof_id: proof.id, order_id: proof.order_id, order_number: proof.order_number, document_number: proof.order_number,
    line_number: proof.line_number, version: proof.version,
  };
}

/** "A proof is ready": to the company's approvers, in the publishing transaction. */
export async function notifyProofReady(tx: Queryable, proof: ProofRow, now: Date): Promise<void> {
  for (const person of await proofApprovers(tx, proof.customer_id)) {
    await queueNotification(tx, person, 'PROOF_READY', proofFacts(proof), now);
  }
}

export interface DecisionNotice {
  decision: 'APPROVED' | 'APPROVED_WITH_CHANGES' | 'REVISION_REQUESTED' | 'WITHDRAWN';
  decidedByName: string;
  comment: string | null;
}

/** "A customer decided": to the tenant's staff, in the deciding transaction. */
export async function notifyProofDecided(tx: Queryable, proof: ProofRow, notice: DecisionNotice, now: Date): Promise<void> {
  const facts = { ...proofFacts(proof), decision: notice.decision, decided_by_name: notice.decidedByName, comment: notice.comment };
  for (const person of await tenantStaff(tx, proof.tenant_id)) await queueNotification(tx, person, 'PROOF_DECIDED', facts, now);
}
