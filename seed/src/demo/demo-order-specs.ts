import type { SalesOrderStatus } from '@portal/common';

/** A demo order as a person would describe it; demo-orders.ts turns it into rows. */
export interface OrderSpec {
  key: string;
  company: string;
  status: SalesOrderStatus;
  /** Ignored for orders made from a quote: those are placed when the quote was approved. */
  placedDaysAgo: number;
  skus: readonly string[];
  po: string | null;
  /** Key of the CONVERTED demo quote this order was made from. */
  quoteKey?: string;
  /** Key of an earlier demo order this one repeats (same lines). */
  reorderOf?: string;
  notes?: string;
}

/** Every order status at least once, over the three companies, placed over the last 11 weeks. */
export const ORDER_SPECS: readonly OrderSpec[] = [
  { key: 'bp-delivered-1', company: 'BLUEPEAK', status: 'DELIVERED', placedDaysAgo: 75, skus: ['BC-STD-350', 'FLY-A5-170', 'LBL-RND-50'], po: 'BP-PO-24117' },
  { key: 'md-delivered', company: 'MERIDIAN', status: 'DELIVERED', placedDaysAgo: 60, skus: ['BRO-A4-TRI', 'STN-LH-120', 'STN-ENV-DL', 'PST-A2-170', 'BC-STD-350'], po: 'MHC-4500012871' },
  { key: 'bp-delivered-2', company: 'BLUEPEAK', status: 'DELIVERED', placedDaysAgo: 41, skus: ['PKG-MAILER-S', 'LBL-RECT-100X70'], po: 'BP-PO-24190' },
  { key: 'oc-delivered', company: 'OAKRIDGE', status: 'DELIVERED', placedDaysAgo: 30, skus: ['BRO-A4-16PP', 'PST-A1-200', 'FLY-DL-170'], po: 'OCC-REQ-7781' },
  { key: 'md-cancelled', company: 'MERIDIAN', status: 'CANCELLED', placedDaysAgo: 20, skus: ['BAN-ROLLUP-85'], po: 'MHC-4500013020', notes: 'Event cancelled by the customer before production.' },
  { key: 'bp-on-hold', company: 'BLUEPEAK', status: 'ON_HOLD', placedDaysAgo: 9, skus: ['SGN-ACM-1200', 'BAN-PVC-3X1'], po: 'BP-PO-24251', notes: 'Waiting for corrected artwork for the outdoor sign.' },
  { key: 'bp-shipped', company: 'BLUEPEAK', status: 'SHIPPED', placedDaysAgo: 6, skus: ['FLY-A4-130', 'BC-PREM-SOFT', 'PST-A2-170', 'STN-NCR-A5'], po: 'BP-PO-24233' },
  { key: 'oc-in-production', company: 'OAKRIDGE', status: 'IN_PRODUCTION', placedDaysAgo: 5, skus: ['BAN-ROLLUP-85', 'FLY-A5-170'], po: 'OCC-REQ-7802' },
  { key: 'md-shipped', company: 'MERIDIAN', status: 'SHIPPED', placedDaysAgo: 4, skus: ['STN-NCR-A5', 'LBL-RECT-100X70', 'FLY-DL-170'], po: 'MHC-4500013177' },
  { key: 'bp-in-production', company: 'BLUEPEAK', status: 'IN_PRODUCTION', placedDaysAgo: 0, skus: [], po: 'BP-PO-24262', quoteKey: 'bp-converted' },
  { key: 'md-in-production', company: 'MERIDIAN', status: 'IN_PRODUCTION', placedDaysAgo: 2, skus: ['SGN-FOAM-A1', 'PST-A1-200'], po: 'MHC-4500013203' },
  { key: 'md-confirmed', company: 'MERIDIAN', status: 'CONFIRMED', placedDaysAgo: 0, skus: [], po: 'MHC-4500013215', quoteKey: 'md-converted' },
  { key: 'oc-confirmed', company: 'OAKRIDGE', status: 'CONFIRMED', placedDaysAgo: 2, skus: ['FLY-A4-130'], po: null },
  { key: 'bp-confirmed', company: 'BLUEPEAK', status: 'CONFIRMED', placedDaysAgo: 1, skus: [], po: 'BP-PO-24270', reorderOf: 'bp-delivered-1' },
];
