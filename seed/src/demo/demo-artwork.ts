import type { ArtworkFileStatus } from '@portal/common';
import { artworkRow } from '../artwork.ts';
import type { ArtworkRow } from '../tables.ts';
import { addHours } from '../time.ts';
import { customerOf, userOf, type DemoContext } from './demo-context.ts';
import type { DemoOrder } from './demo-orders.ts';
import type { DemoQuote } from './demo-quotes.ts';

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Clean, scanned artwork for every line of every order that went ahead (uploaded just before placing it). */
function orderArtwork(ctx: DemoContext, orders: Iterable<DemoOrder>): ArtworkRow[] {
  const rows: ArtworkRow[] = [];
  for (const order of orders) {
    if (order.spec.status === 'CANCELLED') continue;
    const random = ctx.random('artwork', rows.length);
    for (const line of order.lines) {
      const infected = order.spec.key === 'bp-on-hold' && line.line_number === 1;
      const scanning = order.spec.key === 'md-confirmed' && line.line_number === 1;
      const status: ArtworkFileStatus = infected ? 'INFECTED' : scanning ? 'SCANNING' : 'CLEAN';
      rows.push(artworkRow({
        id: ctx.id('artwork', line.id), tenantId: ctx.tenantId, customerId: order.row.customer_id,
        uploadedBy: order.row.placed_by, orderId: order.row.id, orderLineId: line.id,
        fileName: `${slug(line.description)}-final.${random.pick(['pdf', 'pdf', 'pdf', 'ai', 'tif'])}`,
        status, createdAt: scanning ? addHours(ctx.now, -0.5) : addHours(order.row.placed_at, -1),
        sizeBytes: random.int(400_000, 48_000_000),
      }));
    }
  }
  return rows;
}

/** Files customers attached to open quotes: one waiting for its upload, one waiting for the scan, one refused, one stored while no scanner ran. */
function quoteArtwork(ctx: DemoContext, quotes: ReadonlyMap<string, DemoQuote>): ArtworkRow[] {
  const files: [string, string, ArtworkFileStatus, number][] = [
    ['bp-draft', 'gift-sleeve-dieline.ai', 'PENDING_UPLOAD', 3_800_000],
    ['oc-draft', 'course-catalogue-fall.pdf', 'UPLOADED', 41_200_000],
    ['bp-priced', 'menu-board-photo.png', 'REJECTED', 2_100_000],
    ['bp-draft', 'gift-sleeve-mockup.jpg', 'UNSCANNED', 1_300_000],
  ];
  return files.map(([quoteKey, fileName, status, sizeBytes]) => {
    const quote = quotes.get(quoteKey)!.row;
    const company = [...ctx.customers.values()].find((c) => c.id === quote.customer_id)!.customer_code;
    return artworkRow({
      id: ctx.id('artwork', `${quoteKey}:${fileName}`), tenantId: ctx.tenantId, customerId: customerOf(ctx, company).id,
      uploadedBy: userOf(ctx, 'customer_user', company).id, quoteId: quote.id, fileName, status,
      createdAt: addHours(quote.requested_at, 0.5), sizeBytes,
    });
  });
}

export function demoArtwork(ctx: DemoContext, orders: Iterable<DemoOrder>, quotes: ReadonlyMap<string, DemoQuote>): ArtworkRow[] {
  return [...orderArtwork(ctx, orders), ...quoteArtwork(ctx, quotes)];
}
