import { SALES_ORDER_STATUS_LABELS, SALES_ORDER_STATUSES, type SalesOrderStatus } from '@portal/common';

export const ORDER_STATUS_LABELS: Record<SalesOrderStatus, string> = SALES_ORDER_STATUS_LABELS;

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

export function orderStatusLabel(value: string): string {
  return isOrderStatus(value) ? ORDER_STATUS_LABELS[value] : value;
}
