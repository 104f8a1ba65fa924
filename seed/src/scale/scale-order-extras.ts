import type { ArtworkFileStatus } from '@portal/common';
import { artworkRow } from '../artwork.ts';
import { proofLockTime, proofRows, proofWindow, type ProofPlan } from '../proof-rows.ts';
import type { Random } from '../prng.ts';
import type { ActivityRow, ArtworkRow, NotificationRow, OrderEventRow, ProofRow } from '../tables.ts';
import { addHours, daysBetween } from '../time.ts';
import type { OrderBundle } from './scale-orders.ts';
import type { ScaleUser, ScaleWorld } from './scale-world.ts';

export interface OrderExtras {
  proofs: ProofRow[];
  artwork: ArtworkRow[];
  activity: ActivityRow[];
  notifications: NotificationRow[];
}

/** About one line in four gets proofs; how they went depends on where the order is now. */
function proofPlan(status: string, random: Random): ProofPlan | null {
  if (status === 'CANCELLED' || !random.chance(0.25)) return null;
  const revised = random.chance(0.2);
  if (status === 'CONFIRMED') return revised ? ['REVISION_REQUESTED', 'PENDING_REVIEW'] : ['PENDING_REVIEW'];
  if (status === 'ON_HOLD') return revised ? ['REVISION_REQUESTED'] : ['APPROVED'];
  return revised ? ['REVISION_REQUESTED', 'APPROVED'] : ['APPROVED'];
}

function orderProofs(world: ScaleWorld, bundle: OrderBundle, events: readonly OrderEventRow[], random: Random): ProofRow[] {
  const { header, row } = bundle;
  const customer = world.customers[header.customer]!;
  const window = proofWindow(row.placed_at, header.status === 'ON_HOLD', events, world.now);
  return bundle.lines.flatMap((line) => {
    const plan = proofPlan(header.status, random);
    if (!plan) return [];
    return proofRows({
      id: world.id, tenantId: world.tenantId, customerId: row.customer_id, orderId: row.id, lineId: line.id,
      lineNumber: line.line_number, sku: world.skus.get(line.product_id!) ?? 'JOB',
      publishedBy: world.staff[line.line_number % world.staff.length]!.id, decisionBy: random.pick(customer.approvers).id,
      window, variant: random.int(0, 3), lockedAt: proofLockTime(events),
    }, plan);
  });
}

/** The print file of the first line; now and then a refused or infected one, replaced an hour later. */
function orderArtwork(world: ScaleWorld, bundle: OrderBundle, random: Random): ArtworkRow[] {
  const { header, row } = bundle;
  const line = bundle.lines[0]!;
  const fresh = daysBetween(header.placedAt, world.now) < 0.1;
  const status: ArtworkFileStatus = fresh ? random.pick(['UPLOADED', 'SCANNING', 'CLEAN'] as const)
    : random.weighted([['CLEAN', 97], ['INFECTED', 1], ['REJECTED', 2]] as const);
  const file = (key: string, fileStatus: ArtworkFileStatus, createdAt: Date) => artworkRow({
    id: world.id('artwork', `order:${header.index}:${key}`), tenantId: world.tenantId, customerId: row.customer_id,
    uploadedBy: header.placedBy.id, orderId: row.id, orderLineId: line.id,
    fileName: `${line.description.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${header.index}.${random.pick(['pdf', 'pdf', 'ai', 'tif', 'eps'])}`,
    status: fileStatus, createdAt, sizeBytes: random.int(250_000, 52_000_000),
  });
  const first = file('1', status, addHours(header.placedAt, -1));
  return status === 'INFECTED' || status === 'REJECTED' ? [first, file('2', 'CLEAN', header.placedAt)] : [first];
}

function activity(world: ScaleWorld, bundle: OrderBundle, proofs: readonly ProofRow[]): ActivityRow[] {
  const { header, row } = bundle;
  const rows: ActivityRow[] = [{
    id: world.id('activity', `order:${header.index}`), tenant_id: world.tenantId, customer_id: row.customer_id,
    user_id: header.placedBy.id, actor_role: header.placedBy.role,
    action: header.quoteIndex === null ? 'order.placed' : 'order.created_from_quote', entity_type: 'sales_orders',
    entity_id: row.id, ip_address: null, user_agent: null, details: { order_number: header.number }, created_at: header.placedAt,
  }];
  const approvers = world.customers[header.customer]!.approvers;
  for (const proof of proofs) {
    if (!proof.decided_at) continue;
    rows.push({
      id: world.id('activity', `proof:${proof.id}`), tenant_id: world.tenantId, customer_id: row.customer_id,
      user_id: proof.decision_by, actor_role: approvers.find((a) => a.id === proof.decision_by)?.role ?? null,
      action: proof.status === 'APPROVED' ? 'proof.approved' : 'proof.revision_requested', entity_type: 'proofs',
      entity_id: proof.id, ip_address: null, user_agent: null, details: { version: proof.version }, created_at: proof.decided_at,
    });
  }
  return rows;
}

/** Shipping notices of the last six months (sent), and proof-ready notices still waiting. */
function notifications(world: ScaleWorld, bundle: OrderBundle, proofs: readonly ProofRow[]): NotificationRow[] {
  const { header, row } = bundle;
  const message = (key: string, user: ScaleUser, at: Date, sent: boolean) => ({
    id: world.id('notification', key), tenant_id: world.tenantId, customer_id: row.customer_id, user_id: user.id,
    recipient_email: user.email, status: sent ? 'SENT' : 'PENDING', attempts: sent ? 1 : 0, last_error: null,
    provider_message_id: sent ? `load-${key}` : null, read_at: null, sent_at: sent ? at : null, created_at: at, updated_at: at,
  });
  const rows: NotificationRow[] = [];
  if (row.shipped_at && daysBetween(row.shipped_at, world.now) < 180) {
    rows.push({
      ...message(`order:${header.index}`, header.placedBy, row.shipped_at, true), template: 'ORDER_STATUS_CHANGED',
      subject: `Order ${header.number} has shipped`, payload: { order_id: row.id, status: 'SHIPPED' },
    });
  }
  const approver = world.customers[header.customer]!.approvers[0]!;
  for (const proof of proofs) {
    if (proof.status !== 'PENDING_REVIEW') continue;
    rows.push({
      ...message(`proof:${proof.id}`, approver, proof.published_at, false), template: 'PROOF_READY',
      subject: `Proof v${proof.version} for ${header.number} is ready`, payload: { proof_id: proof.id },
    });
  }
  return rows;
}

export function orderExtras(world: ScaleWorld, bundle: OrderBundle, events: readonly OrderEventRow[]): OrderExtras {
  const random = world.random('order-extras', bundle.header.index);
  const proofs = orderProofs(world, bundle, events, random);
  return {
    proofs,
    artwork: orderArtwork(world, bundle, random),
    activity: activity(world, bundle, proofs),
    notifications: notifications(world, bundle, proofs),
  };
}
