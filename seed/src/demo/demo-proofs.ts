import { proofLockTime, proofRows, proofWindow, type ProofPlan } from '../proof-rows.ts';
import type { ProofRow } from '../tables.ts';
import { userOf, type DemoContext } from './demo-context.ts';
import type { DemoOrder } from './demo-orders.ts';

/** Which proofs each line of an order has, given where the order is in the workflow. */
function plansFor(order: DemoOrder): ProofPlan[] {
  const all = (plan: ProofPlan) => order.lines.map(() => plan);
  switch (order.spec.status) {
    case 'CANCELLED':
      return [];
    case 'CONFIRMED':
      return order.spec.key === 'oc-confirmed' ? [['REVISION_REQUESTED', 'PENDING_REVIEW']] : all(['PENDING_REVIEW']);
    case 'ON_HOLD':
      return [['REVISION_REQUESTED'], ...all(['APPROVED']).slice(1)];
    default:
      return order.spec.key === 'bp-shipped'
        ? [['APPROVED'], ['REVISION_REQUESTED', 'APPROVED_WITH_CHANGES'], ...all(['APPROVED']).slice(2)]
        : all(['APPROVED']);
  }
}

/** Proofs in every status: approved for orders in production or later, pending or revised for the rest. */
export function demoProofs(ctx: DemoContext, orders: Iterable<DemoOrder>): ProofRow[] {
  const rows: ProofRow[] = [];
  for (const order of orders) {
    const window = proofWindow(order.row.placed_at, order.spec.status === 'ON_HOLD', order.events, ctx.now);
    plansFor(order).forEach((plan, lineIndex) => {
      const line = order.lines[lineIndex]!;
      rows.push(...proofRows({
        id: ctx.id, tenantId: ctx.tenantId, customerId: order.row.customer_id, orderId: order.row.id,
        lineId: line.id, lineNumber: line.line_number, sku: ctx.products.find((p) => p.id === line.product_id)!.sku,
        publishedBy: userOf(ctx, 'staff').id, decisionBy: userOf(ctx, 'customer_approver', order.spec.company).id,
        window, variant: lineIndex, lockedAt: proofLockTime(order.events),
      }, plan));
    });
  }
  return rows;
}
