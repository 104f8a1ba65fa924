import type { SalesOrderStatus } from '@portal/common';
import type { Random } from './prng.ts';
import { addHours } from './time.ts';

export interface StatusStep {
  from: SalesOrderStatus | null;
  to: SalesOrderStatus;
  at: Date;
}

/** Plausible routes through the order workflow that end in each status. */
const PATHS: Record<SalesOrderStatus, readonly (readonly SalesOrderStatus[])[]> = {
  CONFIRMED: [['CONFIRMED']],
  IN_PRODUCTION: [['CONFIRMED', 'IN_PRODUCTION']],
  SHIPPED: [['CONFIRMED', 'IN_PRODUCTION', 'SHIPPED']],
  DELIVERED: [
    ['CONFIRMED', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'],
    ['CONFIRMED', 'ON_HOLD', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'],
  ],
  ON_HOLD: [
    ['CONFIRMED', 'ON_HOLD'],
    ['CONFIRMED', 'IN_PRODUCTION', 'ON_HOLD'],
  ],
  CANCELLED: [
    ['CONFIRMED', 'CANCELLED'],
    ['CONFIRMED', 'ON_HOLD', 'CANCELLED'],
  ],
};

/** Typical hours spent in a status before the next move (min, max). */
const DWELL_HOURS: Record<SalesOrderStatus, readonly [number, number]> = {
  CONFIRMED: [4, 52],
  IN_PRODUCTION: [20, 120],
  SHIPPED: [18, 96],
  ON_HOLD: [24, 168],
  DELIVERED: [0, 0],
  CANCELLED: [0, 0],
};

/**
 * The history of an order that was placed at `placedAt` and is in `status` at `now`: one step per
 * transition, starting with the creation (from null), at strictly increasing past times. When the
 * typical durations would run past `now`, the route is squeezed into the time available.
 */
export function statusHistory(status: SalesOrderStatus, placedAt: Date, now: Date, random: Random): StatusStep[] {
  const path = random.pick(PATHS[status]);
  const offsets = [0];
  for (let i = 1; i < path.length; i++) {
    const [min, max] = DWELL_HOURS[path[i - 1]!];
    offsets.push(offsets[i - 1]! + min + random.next() * (max - min));
  }
  const available = (now.getTime() - placedAt.getTime()) / 3_600_000;
  const last = offsets[offsets.length - 1]!;
  const squeeze = last > 0 && last > available * 0.95 ? (available * 0.95) / last : 1;
  return path.map((to, i) => ({
    from: i === 0 ? null : path[i - 1]!,
    to,
    at: addHours(placedAt, offsets[i]! * squeeze),
  }));
}

/** Time of the step that entered `status`, if the history has one. */
export function enteredAt(history: readonly StatusStep[], status: SalesOrderStatus): Date | null {
  return history.find((step) => step.to === status)?.at ?? null;
}

const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL Express'] as const;

/** A carrier and a tracking number in that carrier's usual format. */
export function shipment(random: Random): { carrier: string; trackingNumber: string } {
  const carrier = random.pick(CARRIERS);
  switch (carrier) {
    case 'UPS':
      return { carrier, trackingNumber: `1Z${random.hex(6).toUpperCase()}${random.digits(10)}` };
    case 'FedEx':
      return { carrier, trackingNumber: random.digits(12) };
    case 'USPS':
      return { carrier, trackingNumber: `9400${random.digits(18)}` };
    default:
      return { carrier, trackingNumber: random.digits(10) };
  }
}
