import { CATALOGUE } from '../catalogue.ts';

/** How much data `--scale N` generates; N = 1 is the reference size. */
export interface ScalePlan {
  scale: number;
  /** Slug of the tenant that holds the generated data (one tenant per scale factor). */
  slug: string;
  customers: number;
  /** All users of the tenant: the printer's staff plus customer users. */
  users: number;
  staff: number;
  products: number;
  orders: number;
  quotes: number;
  /** Days of history the orders and quotes are spread over, ending now. */
  historyDays: number;
}

/** Targets at scale 1 (the rest are derived: lines, events, proofs, artwork, log, notifications). */
export const SCALE_TARGETS = { customers: 500, users: 10_000, staff: 20, orders: 50_000, quotes: 20_000, productVariants: 10 } as const;

/** The largest scale accepted; beyond it one transaction holds too much for a laptop. */
export const MAX_SCALE = 10;

export function scaleSlug(scale: number): string {
  return `scale-x${String(scale).replace('.', '-')}`;
}

export function scalePlan(scale: number): ScalePlan {
  if (!(scale > 0 && scale <= MAX_SCALE)) throw new Error(`scale must be > 0 and <= ${MAX_SCALE}, got ${scale}`);
  const customers = Math.max(1, Math.round(SCALE_TARGETS.customers * scale));
  const staff = Math.max(2, Math.round(SCALE_TARGETS.staff * scale));
  // Every company gets at least one user per customer role.
  const users = Math.max(staff + customers * 3, Math.round(SCALE_TARGETS.users * scale));
  return {
    scale,
    slug: scaleSlug(scale),
    customers,
    users,
    staff,
    products: CATALOGUE.length * Math.max(1, Math.round(SCALE_TARGETS.productVariants * scale)),
    orders: Math.max(1, Math.round(SCALE_TARGETS.orders * scale)),
    quotes: Math.max(1, Math.round(SCALE_TARGETS.quotes * scale)),
    historyDays: 730,
  };
}
