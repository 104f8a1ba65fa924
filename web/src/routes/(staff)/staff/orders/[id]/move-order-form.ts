import { SALES_ORDER_STATUSES, type SalesOrderStatus } from '@portal/common';
import { z } from 'zod';
import { m } from '../../../../../lib/paraglide/messages.js';
import { dateTimeInputValue, zonedDateTime } from '../../../../../lib/time-zones.ts';

/** The columns the staff role may update on sales_orders, as the form names its fields. */
export const MOVE_ORDER_FIELDS = ['status', 'carrier', 'tracking_number', 'shipped_at', 'delivered_at'] as const;
export type MoveOrderField = (typeof MOVE_ORDER_FIELDS)[number];
/** The form's fields as typed (times as `datetime-local` values in the staff member's time zone). */
export type MoveOrderValues = Record<MoveOrderField, string>;

/** Offered as suggestions; customers get a link to the tracking page of these (trackingUrl in @portal/common). */
export const KNOWN_CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL Express'] as const;

/** What the mutation sets: every field, so clearing one clears the column. */
export interface OrderMove {
  status: SalesOrderStatus;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
}

/** `values` are the fields as typed, to show again when the form (or the engine) refuses them. */
export type ParsedMove = { ok: true; set: OrderMove; values: MoveOrderValues } | { ok: false; errors: Partial<Record<MoveOrderField, string>>; values: MoveOrderValues };

/** Clocks differ a little between a browser and the server; a shipment "in two minutes" is a typo of now. */
const CLOCK_LEEWAY_MS = 5 * 60_000;
const SHIPPED_OR_LATER: readonly SalesOrderStatus[] = ['SHIPPED', 'DELIVERED'];

const optionalText = (max: number) => z.string().trim().max(max, { error: () => m.staff_move_too_long({ max }) }).transform((value) => value || null);

function moment(timeZone: string, now: Date) {
  return z.string().trim().transform((value, ctx) => {
    if (!value) return null;
    const instant = zonedDateTime(value, timeZone);
    if (!instant) {
      ctx.addIssue({ code: 'custom', message: m.staff_move_time_invalid() });
      return z.NEVER;
    }
    if (instant.getTime() > now.getTime() + CLOCK_LEEWAY_MS) {
      ctx.addIssue({ code: 'custom', message: m.staff_move_time_future() });
      return z.NEVER;
    }
    return instant;
  });
}

function moveSchema(timeZone: string, now: Date) {
  return z.object({
    status: z.enum(SALES_ORDER_STATUSES, { error: m.staff_move_status_invalid }),
    carrier: optionalText(64),
    tracking_number: optionalText(64).refine((value) => value === null || /^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(value), { error: m.staff_move_tracking_invalid }),
    shipped_at: moment(timeZone, now),
    delivered_at: moment(timeZone, now),
  });
}

type MoveInput = z.output<ReturnType<typeof moveSchema>>;

/**
 * The rules between fields. A shipped or delivered order gets its missing times as now (shipped no
 * later than delivered); a tracking number needs its carrier; delivery never comes before shipping.
 */
function applyRules(input: MoveInput, now: Date): { set: OrderMove } | { errors: Partial<Record<MoveOrderField, string>> } {
  const errors: Partial<Record<MoveOrderField, string>> = {};
  const deliveredAt = input.delivered_at ?? (input.status === 'DELIVERED' ? now : null);
  const shippedAt = input.shipped_at ?? (SHIPPED_OR_LATER.includes(input.status) ? (deliveredAt ?? now) : null);
  if (input.tracking_number && !input.carrier) errors.carrier = m.staff_move_carrier_missing();
  if (deliveredAt && !shippedAt) errors.shipped_at = m.staff_move_shipped_missing();
  if (deliveredAt && shippedAt && deliveredAt < shippedAt) errors.delivered_at = m.staff_move_delivered_early();
  if (Object.keys(errors).length > 0) return { errors };
  return {
    set: {
      status: input.status,
      carrier: input.carrier,
      tracking_number: input.tracking_number,
      shipped_at: shippedAt?.toISOString() ?? null,
      delivered_at: deliveredAt?.toISOString() ?? null,
    },
  };
}

/** Validates the move-order form; times are read in the staff member's time zone, messages are in the request's language. */
export function parseMoveOrder(form: FormData, { timeZone, now }: { timeZone: string; now: Date }): ParsedMove {
  const values = Object.fromEntries(MOVE_ORDER_FIELDS.map((name) => {
    const value = form.get(name);
    return [name, typeof value === 'string' ? value : ''];
  })) as MoveOrderValues;
  const parsed = moveSchema(timeZone, now).safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])) };
  const ruled = applyRules(parsed.data, now);
  return 'set' in ruled ? { ok: true, set: ruled.set, values } : { ok: false, values, errors: ruled.errors };
}

/** The order's current values as the form shows them. */
export function moveOrderValues(order: Omit<OrderMove, 'status'> & { status: string }, timeZone: string): MoveOrderValues {
  return {
    status: order.status,
    carrier: order.carrier ?? '',
    tracking_number: order.tracking_number ?? '',
    shipped_at: dateTimeInputValue(order.shipped_at, timeZone),
    delivered_at: dateTimeInputValue(order.delivered_at, timeZone),
  };
}
