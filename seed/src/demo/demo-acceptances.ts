import { acceptanceRow } from '../quote-evidence-rows.ts';
import type { QuoteAcceptanceRow } from '../tables.ts';
import type { DemoContext } from './demo-context.ts';
import type { DemoOrder } from './demo-orders.ts';
import type { DemoQuote } from './demo-quotes.ts';

/** A documentation address (RFC 5737) and a browser, as a real approval would record them. */
const DEMO_IP = '198.51.100.24';
const DEMO_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** The approval evidence of each converted demo quote: its approver, its revision, its order's PO. */
export function demoAcceptances(ctx: DemoContext, quotes: readonly DemoQuote[], orders: ReadonlyMap<string, DemoOrder>): QuoteAcceptanceRow[] {
  const byId = new Map([...orders.values()].map((order) => [order.row.id, order]));
  return quotes.filter(({ row }) => row.status === 'CONVERTED').map(({ row, revision }) => {
    const order = byId.get(row.converted_order_id!)!;
    const approver = [...ctx.users.values()].find((user) => user.id === row.decided_by)!;
    return acceptanceRow(row, revision!, {
      id: ctx.id('quote-acceptance', row.id), orderId: order.row.id, acceptedBy: { id: approver.id, role: approver.role },
      ip: DEMO_IP, userAgent: DEMO_USER_AGENT, customerPoNumber: order.row.customer_po_number,
    });
  });
}
