import type { CatalogueItem } from '../catalogue.ts';
import { idsFor, tenantIdFor } from '../ids.ts';
import { randomFor, type Random } from '../prng.ts';
import { addDays } from '../time.ts';
import type { ScalePlan } from './scale-plan.ts';

export interface ScaleUser {
  id: string;
  email: string;
  role: string;
  customerId: string | null;
}

export interface ScaleCustomer {
  id: string;
  code: string;
  name: string;
  address: Record<string, string>;
  /** Sales tax in basis points for the customer's state. */
  taxBasisPoints: number;
  /** Relative order volume: a few big accounts, many small ones. */
  weight: number;
  users: ScaleUser[];
  approvers: ScaleUser[];
}

/** Everything the generated rows refer to: ids, the clock, people and products. */
export interface ScaleWorld {
  plan: ScalePlan;
  tenantId: string;
  id: (kind: string, key: string | number) => string;
  random: (kind: string, index: number) => Random;
  now: Date;
  /** Start of the generated history. */
  start: Date;
  catalogue: CatalogueItem[];
  productIds: string[];
  /** Product id → SKU. */
  skus: Map<string, string>;
  customers: ScaleCustomer[];
  staff: ScaleUser[];
}

export function scaleWorld(plan: ScalePlan, now: Date): ScaleWorld {
  const tenantId = tenantIdFor(plan.slug);
  return {
    plan,
    tenantId,
    id: idsFor(tenantId),
    random: (kind, index) => randomFor(`scale:${plan.slug}`, kind, index),
    now,
    start: addDays(now, -plan.historyDays),
    catalogue: [],
    productIds: [],
    skus: new Map(),
    customers: [],
    staff: [],
  };
}

/** Picks a customer index with probability proportional to its weight (binary search over cumulative weights). */
export function customerPicker(world: ScaleWorld): (random: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const customer of world.customers) cumulative.push((total += customer.weight));
  return (random) => {
    const point = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > point) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}
