/** One rendered email, ready for the provider. */
export interface OutgoingEmail {
  to: string;
  from: { email: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** Our notification's id, sent along so a message in the provider's logs can be traced back. */
  notificationId: string;
}

/**
 * What the provider said: accepted (with its message id), refused for good (a bad address, a
 * message it will never take), or unavailable for now (network, 5xx, throttling, a bad key that an
 * operator will fix), when a later try may succeed.
 */
export type SendResult =
  | { outcome: 'accepted'; messageId: string | null }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'unavailable'; reason: string };

export interface Mailer {
  send(email: OutgoingEmail): Promise<SendResult>;
}
