/**
 * Status values, one list per Hasura enum table. The migrations insert exactly these rows; a test
 * compares the two so they cannot drift.
 */
export const QUOTE_STATUSES = ['DRAFT', 'PRICED', 'CONVERTED', 'REJECTED', 'EXPIRED', 'CHANGES_REQUESTED'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const SALES_ORDER_STATUSES = [
  'CONFIRMED',
  'IN_PRODUCTION',
  'SHIPPED',
  'DELIVERED',
  'ON_HOLD',
  'CANCELLED',
] as const;
export type SalesOrderStatus = (typeof SALES_ORDER_STATUSES)[number];

/** The statuses' names in US English, as pages and emails show them. */
export const SALES_ORDER_STATUS_LABELS: Record<SalesOrderStatus, string> = {
  CONFIRMED: 'Confirmed',
  IN_PRODUCTION: 'In production',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  ON_HOLD: 'On hold',
  CANCELLED: 'Cancelled',
};

/** Orders in these statuses count as "open" on the dashboard. */
export const OPEN_SALES_ORDER_STATUSES: readonly SalesOrderStatus[] = ['CONFIRMED', 'IN_PRODUCTION', 'SHIPPED', 'ON_HOLD'];

/**
 * Order statuses that lock the order's current proofs: what was approved is being, or was, printed
 * (the database's `sales_orders_lock_proofs` trigger locks on the same list).
 */
export const PROOF_LOCKING_ORDER_STATUSES: readonly SalesOrderStatus[] = ['IN_PRODUCTION', 'SHIPPED', 'DELIVERED'];

/** Order statuses that take no new proof versions. */
export const PROOF_CLOSED_ORDER_STATUSES: readonly SalesOrderStatus[] = ['CANCELLED', 'SHIPPED', 'DELIVERED'];

export const PROOF_STATUSES = ['PENDING_REVIEW', 'APPROVED', 'REVISION_REQUESTED', 'APPROVED_WITH_CHANGES'] as const;
export type ProofStatus = (typeof PROOF_STATUSES)[number];

/** What a proof's audit trail records (`proof_events.kind`). */
export const PROOF_EVENT_KINDS = [
  'PUBLISHED',
  'VIEWED',
  'COMMENTED',
  'COMMENT_RESOLVED',
  'COMMENT_REOPENED',
  'APPROVED',
  'APPROVED_WITH_CHANGES',
  'REVISION_REQUESTED',
  'WITHDRAWN',
  'SUPERSEDED',
  'LOCKED',
] as const;
export type ProofEventKind = (typeof PROOF_EVENT_KINDS)[number];

export const ARTWORK_FILE_STATUSES = [
  'PENDING_UPLOAD',
  'UPLOADED',
  'SCANNING',
  'CLEAN',
  'INFECTED',
  'REJECTED',
  'UNSCANNED',
] as const;
export type ArtworkFileStatus = (typeof ARTWORK_FILE_STATUSES)[number];

export const ONE_TIME_TOKEN_PURPOSES = ['EMAIL_VERIFICATION', 'PASSWORD_RESET', 'INVITATION'] as const;
export type OneTimeTokenPurpose = (typeof ONE_TIME_TOKEN_PURPOSES)[number];

export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_TEMPLATES = [
  'EMAIL_VERIFICATION',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'MFA_CHANGED',
  'QUOTE_PRICED',
  'ORDER_STATUS_CHANGED',
  'PROOF_READY',
  'QUOTE_REQUESTED',
  'QUOTE_APPROVED',
  'QUOTE_REJECTED',
  'QUOTE_CHANGES_REQUESTED',
  'ORDER_PLACED',
  'ORDER_SHIPPED',
  'ARTWORK_INFECTED',
  'PROOF_DECIDED',
  'INVITATION',
  'REGISTRATION_PENDING',
  'ACCOUNT_APPROVED',
  'SIGN_IN_ATTACK',
  'NEW_DEVICE_SIGN_IN',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export const ARTWORK_PREFLIGHT_RESULTS = ['PASS', 'WARNING', 'FAIL'] as const;
export type ArtworkPreflightResult = (typeof ARTWORK_PREFLIGHT_RESULTS)[number];

/** Where a person's access to their company stands (`customer_users.approval_status`). */
export const USER_APPROVAL_STATUSES = ['PENDING', 'INVITED', 'APPROVED', 'REFUSED'] as const;
export type UserApprovalStatus = (typeof USER_APPROVAL_STATUSES)[number];

/** Languages the portal is translated into (`customer_users.preferred_language`). */
export const LANGUAGES = ['en-US', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A webhook delivery's state (enum table `webhook_delivery_statuses`). */
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Enum table name → its values, as the migrations create them. */
export const ENUM_TABLES = {
  quote_statuses: QUOTE_STATUSES,
  sales_order_statuses: SALES_ORDER_STATUSES,
  proof_statuses: PROOF_STATUSES,
  proof_event_kinds: PROOF_EVENT_KINDS,
  artwork_file_statuses: ARTWORK_FILE_STATUSES,
  one_time_token_purposes: ONE_TIME_TOKEN_PURPOSES,
  notification_statuses: NOTIFICATION_STATUSES,
  notification_templates: NOTIFICATION_TEMPLATES,
  artwork_preflight_results: ARTWORK_PREFLIGHT_RESULTS,
  user_approval_statuses: USER_APPROVAL_STATUSES,
  webhook_delivery_statuses: WEBHOOK_DELIVERY_STATUSES,
} as const;
