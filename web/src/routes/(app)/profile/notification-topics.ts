import { m } from '../../../lib/paraglide/messages.js';

/** The e-mails a person can turn off, as keys of `customer_users.notification_preferences`. */
export const NOTIFICATION_TOPICS = [
  { key: 'order_status', label: m.account_topic_order_status },
  { key: 'quote_priced', label: m.account_topic_quote_priced },
  { key: 'proof_ready', label: m.account_topic_proof_ready },
  { key: 'new_device_sign_in', label: m.account_topic_new_device },
] as const;

export type NotificationKey = (typeof NOTIFICATION_TOPICS)[number]['key'];
