import type { QuoteStatus } from '@portal/common';
import { CATALOGUE } from '../catalogue.ts';
import { lineItemFor, lineTotals, priceOnRequestCents, type LineItem } from '../line-items.ts';
import { centsToNumeric } from '../money.ts';
import type { QuoteLineRow, QuoteRow } from '../tables.ts';
import { addDays, addHours, isoDate } from '../time.ts';
import { customerOf, userOf, type DemoContext } from './demo-context.ts';

interface QuoteSpec {
  key: string;
  company: string;
  status: QuoteStatus;
  title: string;
  notes: string;
  requestedDaysAgo: number;
  skus: readonly string[];
  /** Key of the demo order a CONVERTED quote became. */
  orderKey?: string;
  rejectionReason?: string;
}

/** One quote in every status, spread over the three companies. */
const QUOTES: readonly QuoteSpec[] = [
  {
    key: 'md-expired', company: 'MERIDIAN', status: 'EXPIRED', title: 'Waiting room posters',
    notes: 'A2 and A1 versions of the flu-season campaign.', requestedDaysAgo: 70,
    skus: ['PST-A2-170', 'PST-A1-200'],
  },
  {
    key: 'oc-rejected', company: 'OAKRIDGE', status: 'REJECTED', title: 'Open day banners',
    notes: 'Two roll-ups and one outdoor banner.', requestedDaysAgo: 24, skus: ['BAN-ROLLUP-85', 'BAN-PVC-3X1'],
    rejectionReason: 'The open-day budget moved to next quarter; we will ask again in January.',
  },
  {
    key: 'bp-converted', company: 'BLUEPEAK', status: 'CONVERTED', title: 'Spring blend launch kit',
    notes: 'Mailer boxes with matching labels for the subscription launch.', requestedDaysAgo: 9,
    skus: ['PKG-MAILER-S', 'LBL-RND-50'], orderKey: 'bp-in-production',
  },
  {
    key: 'bp-priced', company: 'BLUEPEAK', status: 'PRICED', title: 'Summer menu boards',
    notes: 'Foam boards for six cafés.', requestedDaysAgo: 6, skus: ['SGN-FOAM-A1', 'PST-A2-170'],
  },
  {
    key: 'md-converted', company: 'MERIDIAN', status: 'CONVERTED', title: 'New clinic stationery',
    notes: 'Letterheads and envelopes for the Bellevue clinic.', requestedDaysAgo: 5,
    skus: ['STN-LH-120', 'STN-ENV-DL', 'BC-STD-350'], orderKey: 'md-confirmed',
  },
  {
    key: 'md-priced', company: 'MERIDIAN', status: 'PRICED', title: 'Patient information leaflets, 2nd edition',
    notes: 'Same layout as last year, updated text.', requestedDaysAgo: 4, skus: ['BRO-A4-TRI'],
  },
  {
    key: 'bp-draft', company: 'BLUEPEAK', status: 'DRAFT', title: 'Holiday gift box sleeves',
    notes: 'Gold foil logo, 3 sleeve sizes. Artwork to follow.', requestedDaysAgo: 2,
    skus: ['PKG-SLEEVE', 'LBL-RECT-100X70'],
  },
  {
    key: 'oc-draft', company: 'OAKRIDGE', status: 'DRAFT', title: 'Fall semester course catalogue',
    notes: 'About 96 pages, 1,500 copies.', requestedDaysAgo: 1, skus: ['BKL-A5-PERF'],
  },
];

export interface DemoQuote {
  row: QuoteRow;
  lines: QuoteLineRow[];
  items: LineItem[];
}

function itemsFor(ctx: DemoContext, spec: QuoteSpec, index: number): LineItem[] {
  const random = ctx.random('quote', index);
  return spec.skus.map((sku) => {
    const item = lineItemFor(CATALOGUE, CATALOGUE.findIndex((c) => c.sku === sku), random);
    if (spec.status === 'DRAFT') return { ...item, unitPriceCents: null };
    return { ...item, unitPriceCents: item.unitPriceCents ?? priceOnRequestCents(random) };
  });
}

function quoteRow(ctx: DemoContext, spec: QuoteSpec, index: number, items: LineItem[]): QuoteRow {
  const requestedAt = addHours(addDays(ctx.now, -spec.requestedDaysAgo), -3 - ctx.random('quote-time', index).next() * 6);
  const priced = spec.status !== 'DRAFT';
  const pricedAt = addHours(requestedAt, 26);
  const decided = spec.status === 'CONVERTED' || spec.status === 'REJECTED';
  const decidedAt = addHours(pricedAt, 30);
  const validUntil = addDays(pricedAt, 30);
  const lastChange = decided ? decidedAt : priced ? pricedAt : requestedAt;
  return {
    id: ctx.id('quote', spec.key), tenant_id: ctx.tenantId, customer_id: customerOf(ctx, spec.company).id,
    quote_number: null, status: spec.status, title: spec.title, customer_notes: spec.notes,
    internal_notes: priced ? 'Priced from the standard rate card.' : null, currency_code: 'USD',
    subtotal: priced ? centsToNumeric(lineTotals(items).reduce((a, b) => a + b, 0)) : null,
    requested_by: userOf(ctx, 'customer_user', spec.company).id, requested_at: requestedAt,
    priced_by: priced ? userOf(ctx, 'staff').id : null, priced_at: priced ? pricedAt : null,
    valid_until: priced ? isoDate(validUntil) : null,
    decided_by: decided ? userOf(ctx, 'customer_approver', spec.company).id : null,
    decided_at: decided ? decidedAt : null,
    rejection_reason: spec.rejectionReason ?? null,
    converted_order_id: spec.orderKey ? ctx.id('order', spec.orderKey) : null,
    created_at: requestedAt, updated_at: lastChange,
  };
}

function quoteLineRows(ctx: DemoContext, quote: QuoteRow, items: LineItem[]): QuoteLineRow[] {
  return items.map((item, i) => ({
    id: ctx.id('quote-line', `${quote.id}:${i + 1}`), tenant_id: ctx.tenantId, quote_id: quote.id,
    line_number: i + 1, product_id: ctx.products[item.productIndex]!.id, description: item.description,
    specifications: item.specifications, quantity: item.quantity,
    unit_price: item.unitPriceCents === null ? null : centsToNumeric(item.unitPriceCents),
    created_at: quote.requested_at, updated_at: quote.updated_at,
  }));
}

/** The demo quotes, oldest first (so the number trigger numbers them in time order). */
export function demoQuotes(ctx: DemoContext): Map<string, DemoQuote> {
  const quotes = new Map<string, DemoQuote>();
  QUOTES.forEach((spec, index) => {
    const items = itemsFor(ctx, spec, index);
    const row = quoteRow(ctx, spec, index, items);
    quotes.set(spec.key, { row, lines: quoteLineRows(ctx, row, items), items });
  });
  return quotes;
}
