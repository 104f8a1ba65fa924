import type { QuoteStatus } from '@portal/common';
import { CATALOGUE } from '../catalogue.ts';
import { lineItemFor, lineTotals, priceOnRequestCents, type LineItem } from '../line-items.ts';
import { centsToNumeric } from '../money.ts';
import { revisionLines, revisionRow } from '../quote-evidence-rows.ts';
import type { QuoteLineRow, QuoteRevisionRow, QuoteRow } from '../tables.ts';
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
  /** Fixed quantities per line, where the demo needs a known total (e.g. around an approval limit). */
  quantities?: readonly number[];
  setupCents?: number;
  shippingCents?: number;
  /** Key of the demo order a CONVERTED quote became. */
  orderKey?: string;
  rejectionReason?: string;
  changeNotes?: string;
  noteToCustomer?: string;
  /** The customer's PO reference and needed-by date (days after the request). */
  po?: string;
  neededInDays?: number;
}

/** Sales tax on priced demo quotes, as on the demo orders: 8.75 %. */
const TAX_BASIS_POINTS = 875;

/**
 * One quote in every status, spread over the three companies, oldest first. Bluepeak (approval
 * limit 5,000.00) has a priced quote under the limit, which its approver may approve, and one above
 * it, which only its admin may approve.
 */
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
    skus: ['PKG-MAILER-S', 'LBL-RND-50'], quantities: [500, 2_000], setupCents: 6_500, orderKey: 'bp-in-production',
  },
  {
    key: 'bp-priced', company: 'BLUEPEAK', status: 'PRICED', title: 'Summer menu boards',
    notes: 'Foam boards for six cafés.', requestedDaysAgo: 6, skus: ['SGN-FOAM-A1', 'PST-A2-170'],
    quantities: [6, 24], shippingCents: 2_450, noteToCustomer: 'Boards ship flat-packed; posters rolled in tubes.',
    neededInDays: 14,
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
    key: 'bp-priced-large', company: 'BLUEPEAK', status: 'PRICED', title: 'Café rebrand signage roll-out',
    notes: 'Outdoor panels and roll-ups for all twelve cafés.', requestedDaysAgo: 3.4,
    skus: ['SGN-ACM-1200', 'BAN-ROLLUP-85'], quantities: [24, 12], setupCents: 15_000, shippingCents: 18_000,
    noteToCustomer: 'Includes drilling for the rail system; installation is not included.', po: 'BP-PO-24301',
  },
  {
    key: 'oc-changes', company: 'OAKRIDGE', status: 'CHANGES_REQUESTED', title: 'Graduation programmes',
    notes: '16-page programme for the June ceremony.', requestedDaysAgo: 2.8, skus: ['BRO-A4-16PP'], quantities: [300],
    changeNotes: 'Please quote 400 copies, and a matt laminated cover instead of silk.',
  },
  {
    key: 'bp-draft', company: 'BLUEPEAK', status: 'DRAFT', title: 'Holiday gift box sleeves',
    notes: 'Gold foil logo, 3 sleeve sizes. Artwork to follow.', requestedDaysAgo: 2,
    skus: ['PKG-SLEEVE', 'LBL-RECT-100X70'], po: 'BP-PO-24322', neededInDays: 30,
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
  /** The revision staff priced (every quote but a draft has one). */
  revision: QuoteRevisionRow | null;
}

function itemsFor(ctx: DemoContext, spec: QuoteSpec, index: number): LineItem[] {
  const random = ctx.random('quote', index);
  return spec.skus.map((sku, i) => {
    const item = lineItemFor(CATALOGUE, CATALOGUE.findIndex((c) => c.sku === sku), random);
    const quantity = spec.quantities?.[i] ?? item.quantity;
    if (spec.status === 'DRAFT') return { ...item, quantity, unitPriceCents: null };
    return { ...item, quantity, unitPriceCents: item.unitPriceCents ?? priceOnRequestCents(random) };
  });
}

interface QuoteTimes {
  requestedAt: Date;
  pricedAt: Date;
  decidedAt: Date;
}

function timesOf(ctx: DemoContext, spec: QuoteSpec, index: number): QuoteTimes {
  const requestedAt = addHours(addDays(ctx.now, -spec.requestedDaysAgo), -3 - ctx.random('quote-time', index).next() * 6);
  const pricedAt = addHours(requestedAt, 26);
  return { requestedAt, pricedAt, decidedAt: addHours(pricedAt, 30) };
}

/** Subtotal, setup, 8.75 % tax on subtotal and setup, shipping: the amounts staff priced. */
function amountsOf(spec: QuoteSpec, items: LineItem[], priced: boolean) {
  if (!priced) return { subtotal: null, setup_amount: '0.00', tax_amount: '0.00', shipping_amount: '0.00' };
  const subtotal = lineTotals(items).reduce((a, b) => a + b, 0);
  const setup = spec.setupCents ?? 0;
  return {
    subtotal: centsToNumeric(subtotal), setup_amount: centsToNumeric(setup),
    tax_amount: centsToNumeric(Math.round(((subtotal + setup) * TAX_BASIS_POINTS) / 10_000)),
    shipping_amount: centsToNumeric(spec.shippingCents ?? 0),
  };
}

function quoteRow(ctx: DemoContext, spec: QuoteSpec, index: number, items: LineItem[]): QuoteRow {
  const { requestedAt, pricedAt, decidedAt } = timesOf(ctx, spec, index);
  const priced = spec.status !== 'DRAFT';
  const decided = spec.status === 'CONVERTED' || spec.status === 'REJECTED';
  const changed = spec.status === 'CHANGES_REQUESTED';
  const changesAt = addHours(pricedAt, 20);
  const lastChange = decided ? decidedAt : changed ? changesAt : priced ? pricedAt : requestedAt;
  const approver = userOf(ctx, 'customer_approver', spec.company);
  return {
    id: ctx.id('quote', spec.key), tenant_id: ctx.tenantId, customer_id: customerOf(ctx, spec.company).id,
    quote_number: null, status: spec.status, title: spec.title, customer_notes: spec.notes,
    internal_notes: priced ? 'Priced from the standard rate card.' : null, currency_code: 'USD',
    ...amountsOf(spec, items, priced), revision: priced ? 1 : 0,
    requested_by: userOf(ctx, 'customer_user', spec.company).id, requested_at: requestedAt,
    priced_by: priced ? userOf(ctx, 'staff').id : null, priced_at: priced ? pricedAt : null,
    valid_until: priced ? isoDate(addDays(pricedAt, 30)) : null,
    decided_by: decided ? approver.id : null, decided_at: decided ? decidedAt : null,
    rejection_reason: spec.rejectionReason ?? null,
    converted_order_id: spec.orderKey ? ctx.id('order', spec.orderKey) : null,
    note_to_customer: priced ? (spec.noteToCustomer ?? null) : null,
    needed_by: spec.neededInDays ? isoDate(addDays(requestedAt, spec.neededInDays)) : null,
    customer_po_number: spec.po ?? null,
    change_request_notes: spec.changeNotes ?? null,
    changes_requested_by: changed ? approver.id : null, changes_requested_at: changed ? changesAt : null,
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
  const skuOf = (productId: string | null) => ctx.products.find((p) => p.id === productId)?.sku ?? null;
  const quotes = QUOTES.map((spec, index): [string, DemoQuote] => {
    const items = itemsFor(ctx, spec, index);
    const row = quoteRow(ctx, spec, index, items);
    const lines = quoteLineRows(ctx, row, items);
    const revision = row.revision > 0 ? revisionRow(ctx.id('quote-revision', `${row.id}:${row.revision}`), row, revisionLines(lines, skuOf)) : null;
    return [spec.key, { row, lines, items, revision }];
  });
  return new Map(quotes.sort(([, a], [, b]) => a.row.requested_at.getTime() - b.row.requested_at.getTime()));
}
