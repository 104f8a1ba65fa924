import { SALES_ORDER_STATUSES, type SalesOrderStatus } from '@portal/common';
import { m } from './paraglide/messages.js';

const LABELS: Record<SalesOrderStatus, () => string> = {
  CONFIRMED: m.order_status_confirmed,
  IN_PRODUCTION: m.order_status_in_production,
  SHIPPED: m.order_status_shipped,
  DELIVERED: m.order_status_delivered,
  ON_HOLD: m.order_status_on_hold,
  CANCELLED: m.order_status_cancelled,
};

/** Badge colours (text always says the status too, colour is never the only cue). */
export const ORDER_STATUS_TONES: Record<SalesOrderStatus, 'info' | 'progress' | 'success' | 'warning' | 'neutral'> = {
  CONFIRMED: 'info',
  IN_PRODUCTION: 'progress',
  SHIPPED: 'progress',
  DELIVERED: 'success',
  ON_HOLD: 'warning',
  CANCELLED: 'neutral',
};

export function isOrderStatus(value: string): value is SalesOrderStatus {
  return (SALES_ORDER_STATUSES as readonly string[]).includes(value);
}

/** The status's name in the page's language; an unknown value as it is. */
export function orderStatusLabel(value: string): string {
  return isOrderStatus(value) ? LABELS[value]() : value;
}
