import { PROOF_LOCKING_ORDER_STATUSES, type ProofStatus } from '@portal/common';
import type { OrderEventRow, ProofRow } from './tables.ts';

/** The statuses of one line's proof versions, oldest first. */
export type ProofPlan = readonly ProofStatus[];

const REVISION_COMMENTS = [
  'The logo is blurry at this size; please use the vector version we sent.',
  'Please move the address block 5 mm up so it clears the fold.',
  'The background looks too dark compared with our brand guide.',
  'Phone number on the back is outdated; the new one is in the email.',
];

export interface ProofLineFacts {
  id: (kind: string, key: string) => string;
  tenantId: string;
  customerId: string;
  orderId: string;
  lineId: string;
  lineNumber: number;
  sku: string;
  publishedBy: string;
  decisionBy: string;
  /** Start and end (ms) of the time the proofs were published and decided in. */
  window: readonly [number, number];
  variant: number;
  /** When the order went into production, which locked its current proofs; null if it has not. */
  lockedAt: Date | null;
}

/**
 * Proofs are published and decided between placing the order and its next status change (for an
 * order on hold: before the hold; for one still confirmed: before now).
 */
export function proofWindow(placedAt: Date, onHold: boolean, events: readonly Pick<OrderEventRow, 'created_at'>[], now: Date): [number, number] {
  const end = onHold ? events[events.length - 1]!.created_at : (events[1]?.created_at ?? now);
  return [placedAt.getTime(), end.getTime()];
}

/** The time the order first entered production (as the database's lock trigger would record it). */
export function proofLockTime(events: readonly Pick<OrderEventRow, 'created_at' | 'to_status'>[]): Date | null {
  return events.find((event) => (PROOF_LOCKING_ORDER_STATUSES as readonly string[]).includes(event.to_status))?.created_at ?? null;
}

/** Rows for one line's proof versions: each is published, then decided, at evenly spaced times. */
export function proofRows(facts: ProofLineFacts, plan: ProofPlan): ProofRow[] {
  const [start, end] = facts.window;
  const at = (step: number) => new Date(start + ((end - start) * step) / (plan.length * 2 + 1));
  return plan.map((status, i) => {
    const version = i + 1;
    const decidedAt = status === 'PENDING_REVIEW' ? null : at(i * 2 + 2);
    return {
      id: facts.id('proof', `${facts.lineId}:${version}`), tenant_id: facts.tenantId, customer_id: facts.customerId,
      order_id: facts.orderId, order_line_id: facts.lineId, version, status,
      storage_key: `tenants/${facts.tenantId}/proofs/${facts.orderId}/${facts.lineNumber}/v${version}.pdf`,
      file_name: `${facts.sku}_proof_v${version}.pdf`,
      staff_notes: version > 1 ? 'Updated as requested.' : 'Please check text, colours and trim.',
      published_by: facts.publishedBy, published_at: at(i * 2 + 1),
      // The next version's publication superseded this one.
      superseded_at: i + 1 < plan.length ? at(i * 2 + 3) : null,
      locked_at: i + 1 === plan.length ? facts.lockedAt : null,
      decision_by: decidedAt ? facts.decisionBy : null, decided_at: decidedAt,
      decision_comment: status === 'REVISION_REQUESTED' ? REVISION_COMMENTS[facts.variant % REVISION_COMMENTS.length]!
        : status === 'APPROVED_WITH_CHANGES' ? 'Fine to print once the phone number on the back is corrected.'
          : status === 'APPROVED' ? 'Approved for print.' : null,
      created_at: at(i * 2 + 1), updated_at: decidedAt ?? at(i * 2 + 1),
    };
  });
}
