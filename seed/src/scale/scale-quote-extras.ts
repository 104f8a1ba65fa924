import type { ArtworkFileStatus } from '@portal/common';
import { artworkRow } from '../artwork.ts';
import type { ActivityRow, ArtworkRow, NotificationRow } from '../tables.ts';
import { addHours, daysBetween } from '../time.ts';
import type { QuoteHeader } from './scale-headers.ts';
import type { ScaleWorld } from './scale-world.ts';

export interface QuoteExtras {
  artwork: ArtworkRow[];
  activity: ActivityRow[];
  notifications: NotificationRow[];
}

function activity(world: ScaleWorld, header: QuoteHeader, customerId: string): ActivityRow[] {
  const entry = (key: string, user: QuoteHeader['requestedBy'], action: string, at: Date): ActivityRow => ({
    id: world.id('activity', `quote:${header.index}:${key}`), tenant_id: world.tenantId, customer_id: customerId,
    user_id: user.id, actor_role: user.role, action, entity_type: 'quotes', entity_id: header.id,
    ip_address: null, user_agent: null, details: { quote_number: header.number }, created_at: at,
  });
  const rows = [entry('requested', header.requestedBy, 'quote.requested', header.requestedAt)];
  if (header.decidedBy && header.decidedAt) {
    const action = header.status === 'CONVERTED' ? 'quote.approved' : 'quote.rejected';
    rows.push(entry('decided', header.decidedBy, action, header.decidedAt));
  }
  return rows;
}

/** Half of the open requests come with a file; the newest may still be uploading or scanning. */
function artwork(world: ScaleWorld, header: QuoteHeader, customerId: string): ArtworkRow[] {
  const random = world.random('quote-artwork', header.index);
  if ((header.status !== 'DRAFT' && header.status !== 'PRICED') || !random.chance(0.5)) return [];
  const fresh = daysBetween(header.requestedAt, world.now) < 1;
  const status: ArtworkFileStatus = fresh
    ? random.pick(['PENDING_UPLOAD', 'UPLOADED', 'SCANNING', 'CLEAN'] as const)
    : random.weighted([['CLEAN', 90], ['PENDING_UPLOAD', 8], ['REJECTED', 2]] as const);
  return [artworkRow({
    id: world.id('artwork', `quote:${header.index}`), tenantId: world.tenantId, customerId, uploadedBy: header.requestedBy.id,
    quoteId: header.id, fileName: `brief-${header.number.toLowerCase()}.${random.pick(['pdf', 'png', 'jpg', 'psd'])}`,
    status, createdAt: addHours(header.requestedAt, 0.2), sizeBytes: random.int(80_000, 30_000_000),
  })];
}

function notifications(world: ScaleWorld, header: QuoteHeader, customerId: string): NotificationRow[] {
  if (header.status !== 'PRICED' || !header.pricedAt) return [];
  const user = header.requestedBy;
  return [{
    id: world.id('notification', `quote:${header.index}`), tenant_id: world.tenantId, customer_id: customerId,
    user_id: user.id, template: 'QUOTE_PRICED', recipient_email: user.email, subject: `Quote ${header.number} is ready`,
    payload: { quote_id: header.id }, status: 'SENT', attempts: 1, last_error: null,
    provider_message_id: `load-quote-${header.index}`, read_at: null, sent_at: header.pricedAt,
    created_at: header.pricedAt, updated_at: header.pricedAt,
  }];
}

export function quoteExtras(world: ScaleWorld, header: QuoteHeader): QuoteExtras {
  const customerId = world.customers[header.customer]!.id;
  return {
    artwork: artwork(world, header, customerId),
    activity: activity(world, header, customerId),
    notifications: notifications(world, header, customerId),
  };
}
