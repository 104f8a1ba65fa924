/** The e-mails a person can turn off, as keys of `customer_users.notification_preferences`. */
export const NOTIFICATION_TOPICS = [
  { key: 'order_status', label: 'An order changes status (confirmed, shipped, delivered…)' },
  { key: 'quote_priced', label: 'A quote has been priced and is ready for approval' },
  { key: 'proof_ready', label: 'A proof is ready for review' },
  { key: 'new_device_sign_in', label: 'Someone signs in to my account from a new browser or device' },
] as const;

export type NotificationKey = (typeof NOTIFICATION_TOPICS)[number]['key'];
