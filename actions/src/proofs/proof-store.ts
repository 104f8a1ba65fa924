import { PROOF_LOCKING_ORDER_STATUSES, type ProofEventKind, type ProofStatus, type UserRole } from '@portal/common';
import type { UserRow } from '../auth/users.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';

/** A proof version with the facts of its order line that the rules need. */
export interface ProofRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  order_id: string;
  order_line_id: string;
  version: number;
  status: ProofStatus;
  file_sha256: string | null;
  artwork_file_id: string | null;
  storage_key: string;
  file_name: string;
  page_count: number | null;
  superseded_at: Date | null;
  locked_at: Date | null;
  decision_by: string | null;
  decision_comment: string | null;
  order_number: string;
  order_status: string;
  line_number: number;
}

/** Who may see a proof: staff of its tenant, or people of its company. */
export interface ProofScope {
  tenantId: string;
  /** null for staff, who see the whole tenant. */
  customerId: string | null;
}

/** The people who act on proofs: signed-in customer staff and the printer's staff. */
export interface Actor {
  id: string;
  role: UserRole;
  name: string;
  mfaEnabled: boolean;
}

export function actorOf(user: UserRow): Actor {
  return { id: user.id, role: user.role, name: `${user.first_name} ${user.last_name}`.trim() || user.email, mfaEnabled: user.mfa_enabled };
}

export function scopeOf(user: UserRow): ProofScope {
  return { tenantId: user.tenant_id, customerId: user.role === 'staff' ? null : user.customer_id };
}

/** Locked by staff, by the order's move into production, or (for older rows) by where the order is. */
export function isLocked(proof: ProofRow): boolean {
  return proof.locked_at !== null || (PROOF_LOCKING_ORDER_STATUSES as readonly string[]).includes(proof.order_status);
}

/**
 * A proof within the scope, with its order's number and status; `lock` takes the row lock that
 * serialises decisions, withdrawals and publications on it.
 */
export function findProof(db: Queryable, proofId: string, scope: ProofScope, lock = false): Promise<ProofRow | undefined> {
  return maybeOne<ProofRow>(
    db,
    `select p.id, p.tenant_id, p.customer_id, p.order_id, p.order_line_id, p.version, p.status, p.file_sha256, p.artwork_file_id,
            p.storage_key, p.file_name, p.page_count, p.superseded_at, p.locked_at, p.decision_by, p.decision_comment,
            o.order_number, o.status as order_status, l.line_number
       from public.proofs p
       join public.sales_orders o on o.id = p.order_id
       join public.sales_order_lines l on l.id = p.order_line_id
      where p.id = $1 and p.tenant_id = $2 and ($3::uuid is null or p.customer_id = $3)
      ${lock ? 'for update of p' : ''}`,
    [proofId, scope.tenantId, scope.customerId],
  );
}

export interface ProofEvent {
  kind: ProofEventKind;
  details?: Record<string, unknown>;
}

/** Appends to the proof's trail in the caller's transaction; false when it was a repeat view. */
export async function recordProofEvent(tx: Queryable, proof: Pick<ProofRow, 'id' | 'tenant_id' | 'customer_id'>, actor: Actor, event: ProofEvent, at: Date): Promise<boolean> {
  const result = await tx.query(
    `insert into public.proof_events (tenant_id, customer_id, proof_id, kind, actor_id, actor_role, actor_name, details, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (proof_id, actor_id) where kind = 'VIEWED' do nothing`,
    [proof.tenant_id, proof.customer_id, proof.id, event.kind, actor.id, actor.role, actor.name.slice(0, 200), event.details ?? {}, at],
  );
  return result.rowCount === 1;
}
