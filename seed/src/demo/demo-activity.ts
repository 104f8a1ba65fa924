import type { ActivityRow, ProofRow, UserRow } from '../tables.ts';
import type { DemoContext } from './demo-context.ts';
import type { DemoOrder } from './demo-orders.ts';
import type { DemoQuote } from './demo-quotes.ts';

const USER_AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

interface Entry {
  user: UserRow;
  action: string;
  entityType: string | null;
  entityId: string | null;
  at: Date;
  details: Record<string, unknown>;
}

type Entity = readonly [type: string, id: string] | null;

function entryFor(ctx: DemoContext, userId: string | null, action: string, entity: Entity, at: Date, details = {}): Entry {
  const user = [...ctx.users.values()].find((u) => u.id === userId);
  if (!user) throw new Error(`no demo user ${userId}`);
  return { user, action, entityType: entity?.[0] ?? null, entityId: entity?.[1] ?? null, at, details };
}

function quoteEntries(ctx: DemoContext, quotes: Iterable<DemoQuote>): Entry[] {
  const entries: Entry[] = [];
  for (const { row } of quotes) {
    const entity = ['quotes', row.id] as const;
    entries.push(entryFor(ctx, row.requested_by, 'quote.requested', entity, row.requested_at, { title: row.title }));
    if (row.priced_at) entries.push(entryFor(ctx, row.priced_by, 'quote.priced', entity, row.priced_at, { revision: 1 }));
    if (row.changes_requested_at) {
      entries.push(entryFor(ctx, row.changes_requested_by, 'quote.changes_requested', entity, row.changes_requested_at, { revision: row.revision }));
    }
    if (!row.decided_at) continue;
    const action = row.status === 'CONVERTED' ? 'quote.approved' : 'quote.rejected';
    entries.push(entryFor(ctx, row.decided_by, action, entity, row.decided_at));
  }
  return entries;
}

function orderEntries(ctx: DemoContext, orders: Iterable<DemoOrder>): Entry[] {
  return [...orders].map(({ row, spec }) => {
    const action = spec.reorderOf ? 'order.reordered' : spec.quoteKey ? 'order.created_from_quote' : 'order.placed';
    const details = { customer_po_number: row.customer_po_number };
    return entryFor(ctx, row.placed_by, action, ['sales_orders', row.id], row.placed_at, details);
  });
}

function proofEntries(ctx: DemoContext, proofs: readonly ProofRow[]): Entry[] {
  return proofs.flatMap((proof) => {
    if (!proof.decided_at) return [];
    const action = proof.status === 'APPROVED' ? 'proof.approved' : 'proof.revision_requested';
    return [entryFor(ctx, proof.decision_by, action, ['proofs', proof.id], proof.decided_at, { version: proof.version })];
  });
}

function signInEntries(ctx: DemoContext): Entry[] {
  return [...ctx.users.values()].map((user) => entryFor(ctx, user.id, 'auth.sign_in', null, user.last_login_at!, { mfa: false }));
}

/** The audit trail the demo data implies: sign-ins, quote requests and decisions, orders, proof decisions. */
export function demoActivity(
  ctx: DemoContext,
  quotes: Iterable<DemoQuote>,
  orders: Iterable<DemoOrder>,
  proofs: readonly ProofRow[],
): ActivityRow[] {
  const entries = [...signInEntries(ctx), ...quoteEntries(ctx, quotes), ...orderEntries(ctx, orders), ...proofEntries(ctx, proofs)];
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return entries.map((entry, i) => ({
    id: ctx.id('activity', i), tenant_id: ctx.tenantId, customer_id: entry.user.customer_id, user_id: entry.user.id,
    actor_role: entry.user.role, action: entry.action, entity_type: entry.entityType, entity_id: entry.entityId,
    ip_address: `203.0.113.${10 + (i % 200)}`, user_agent: USER_AGENT, details: entry.details, created_at: entry.at,
  }));
}
