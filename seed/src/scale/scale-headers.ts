import type { QuoteStatus, SalesOrderStatus } from '@portal/common';
import type { Random } from '../prng.ts';
import { addDays, addHours, daysBetween } from '../time.ts';
import { customerPicker, type ScaleUser, type ScaleWorld } from './scale-world.ts';

/** The facts of a quote that other rows depend on; lines and the rest are generated from its index. */
export interface QuoteHeader {
  index: number;
  id: string;
  number: string;
  customer: number;
  status: QuoteStatus;
  requestedBy: ScaleUser;
  requestedAt: Date;
  pricedAt: Date | null;
  decidedBy: ScaleUser | null;
  decidedAt: Date | null;
  /** Index of the order a converted quote became. */
  orderIndex: number | null;
}

export interface OrderHeader {
  index: number;
  id: string;
  number: string;
  customer: number;
  status: SalesOrderStatus;
  placedBy: ScaleUser;
  placedAt: Date;
  quoteIndex: number | null;
}

type Weights<T> = readonly (readonly [T, number])[];

/** Older requests have been decided; recent ones still wait. */
function quoteStatusByAge(ageDays: number): Weights<QuoteStatus> {
  if (ageDays < 3) return [['DRAFT', 6], ['PRICED', 4]];
  if (ageDays < 28) return [['DRAFT', 1], ['PRICED', 5], ['CONVERTED', 3], ['REJECTED', 1]];
  return [['CONVERTED', 4], ['REJECTED', 2], ['EXPIRED', 4]];
}

/** Older orders have been delivered; recent ones are still moving. */
export function orderStatusByAge(ageDays: number): Weights<SalesOrderStatus> {
  if (ageDays < 2) return [['CONFIRMED', 70], ['IN_PRODUCTION', 25], ['ON_HOLD', 5]];
  if (ageDays < 7) return [['CONFIRMED', 15], ['IN_PRODUCTION', 50], ['SHIPPED', 25], ['ON_HOLD', 5], ['CANCELLED', 5]];
  if (ageDays < 14) return [['IN_PRODUCTION', 15], ['SHIPPED', 35], ['DELIVERED', 40], ['ON_HOLD', 5], ['CANCELLED', 5]];
  return [['DELIVERED', 92], ['CANCELLED', 6], ['ON_HOLD', 2]];
}

/** Times spread evenly from the start of the history to an hour ago, with jitter, in increasing order. */
function spreadTime(world: ScaleWorld, index: number, count: number, random: Random): Date {
  const span = world.now.getTime() - 3_600_000 - world.start.getTime();
  return new Date(world.start.getTime() + ((index + random.next() * 0.9) * span) / count);
}

/** `PREFIX-YYYY-NNNNNN`, numbered per calendar year (UTC) in time order, as next_document_number does. */
export function numberDocuments(times: readonly Date[], prefix: string): { numbers: string[]; lastByYear: Map<number, number> } {
  const lastByYear = new Map<number, number>();
  const numbers = times.map((time) => {
    const year = time.getUTCFullYear();
    const value = (lastByYear.get(year) ?? 0) + 1;
    lastByYear.set(year, value);
    return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
  });
  return { numbers, lastByYear };
}

/** Moves a status the quote's own times cannot support to the nearest one they can. */
function feasibleStatus(status: QuoteStatus, pricedAt: Date, decidedAt: Date, now: Date): QuoteStatus {
  if (status !== 'DRAFT' && pricedAt >= now) return 'DRAFT';
  if ((status === 'CONVERTED' || status === 'REJECTED') && decidedAt >= addHours(now, -1)) return 'PRICED';
  if (status === 'EXPIRED' && validUntil(pricedAt) >= addDays(now, -1)) return 'PRICED';
  return status;
}

function quoteHeader(world: ScaleWorld, index: number, pickCustomer: (r: Random) => number): QuoteHeader {
  const random = world.random('quote', index);
  const requestedAt = spreadTime(world, index, world.plan.quotes, random);
  const customerIndex = pickCustomer(random);
  const customer = world.customers[customerIndex]!;
  const pricedAt = addHours(requestedAt, random.int(3, 48));
  const decidedAt = addHours(pricedAt, random.int(2, 240));
  const status = feasibleStatus(random.weighted(quoteStatusByAge(daysBetween(requestedAt, world.now))), pricedAt, decidedAt, world.now);
  const decided = status === 'CONVERTED' || status === 'REJECTED';
  return {
    index, id: world.id('quote', index), number: '', customer: customerIndex, status,
    requestedBy: random.pick(customer.users), requestedAt, pricedAt: status === 'DRAFT' ? null : pricedAt,
    decidedBy: decided ? random.pick(customer.approvers) : null, decidedAt: decided ? decidedAt : null, orderIndex: null,
  };
}

export function quoteHeaders(world: ScaleWorld): QuoteHeader[] {
  const pick = customerPicker(world);
  const headers = Array.from({ length: world.plan.quotes }, (_, i) => quoteHeader(world, i, pick));
  const { numbers } = numberDocuments(headers.map((h) => h.requestedAt), 'Q');
  headers.forEach((h, i) => (h.number = numbers[i]!));
  return headers;
}

/**
 * The orders: one per converted quote, placed when it was approved, plus standalone orders up to
 * the planned count. Sorted by time, then numbered; converted quotes learn their order's index.
 */
export function orderHeaders(world: ScaleWorld, quotes: QuoteHeader[]): OrderHeader[] {
  const pick = customerPicker(world);
  const converted = quotes.filter((q) => q.status === 'CONVERTED');
  // Only at tiny scales can there be more approved quotes than orders: the rest were turned down.
  for (const quote of converted.slice(world.plan.orders)) quote.status = 'REJECTED';
  const standalone = Math.max(0, world.plan.orders - converted.length);
  const drafts: Omit<OrderHeader, 'index' | 'id' | 'number' | 'status'>[] = converted.slice(0, world.plan.orders).map((q) => ({
    customer: q.customer, placedBy: q.decidedBy!, placedAt: q.decidedAt!, quoteIndex: q.index,
  }));
  for (let i = 0; i < standalone; i++) {
    const random = world.random('standalone-order', i);
    const customer = pick(random);
    const placedBy = random.pick(world.customers[customer]!.users);
    drafts.push({ customer, placedBy, placedAt: spreadTime(world, i, standalone, random), quoteIndex: null });
  }
  drafts.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime() || (a.quoteIndex ?? -1) - (b.quoteIndex ?? -1));
  const { numbers } = numberDocuments(drafts.map((d) => d.placedAt), 'SO');
  return drafts.map((draft, index) => {
    if (draft.quoteIndex !== null) quotes[draft.quoteIndex]!.orderIndex = index;
    const status = world.random('order-status', index).weighted(orderStatusByAge(daysBetween(draft.placedAt, world.now)));
    return { ...draft, index, id: world.id('order', index), number: numbers[index]!, status };
  });
}

/** valid_until: 30 days after pricing. */
export function validUntil(pricedAt: Date): Date {
  return addDays(pricedAt, 30);
}
