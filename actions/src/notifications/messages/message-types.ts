import { trackingUrl, type Language, type NotificationTemplate } from '@portal/common';

/** The facts a notification row carries in `payload` (snake_case, as the writers store them). */
export type Facts = Readonly<Record<string, unknown>>;

/** What a message says, before it is laid out as HTML and text. */
export interface Message {
  subject: string;
  /** Plain-text paragraphs; the layout escapes them for HTML. */
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a bare link in text. */
  action?: { label: string; href: string };
  /** A further link (a carrier's tracking page). */
  link?: { label: string; href: string };
}

export interface MessageInput {
  facts: Facts;
  language: Language;
  /** An absolute address in the portal (PORTAL_PUBLIC_URL + path). */
  portal(path: string, query?: Record<string, string>): string;
  /** The opened one-time token of a confirmation or reset email, else null. */
  token: string | null;
}

export type Compose = (input: MessageInput) => Message;

/** Everything one language says in email. */
export interface MailCatalogue {
  greeting(firstName: string): string;
  signOff(printerName: string): string;
  /** Under security messages, which cannot be turned off. */
  securityNote: string;
  /** Under the others: where to turn them off. */
  preferencesNote: string;
  /** The text version's words before a bare link, e.g. "Open:". */
  linkLead: string;
  messages: Record<NotificationTemplate, Compose>;
}

/** A fact as text ('' when absent), so a missing fact never prints "undefined". */
export function fact(facts: Facts, key: string): string {
  const value = facts[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The quote or order number a message names. */
export function documentNumber(facts: Facts): string {
  return fact(facts, 'document_number') || fact(facts, 'quote_number') || fact(facts, 'order_number');
}

/** A total in the recipient's locale, or '' when the row has none. */
export function money(facts: Facts, language: Language): string {
  const amount = Number(fact(facts, 'total_amount'));
  const currency = fact(facts, 'currency_code');
  if (!fact(facts, 'total_amount') || !Number.isFinite(amount) || !/^[A-Z]{3}$/.test(currency)) return '';
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
}

/** A calendar date (YYYY-MM-DD) or timestamp in the recipient's locale; dates are shown as written, not shifted by a zone. */
export function day(facts: Facts, key: string, language: Language): string {
  const value = fact(facts, key);
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!value || Number.isNaN(parsed.getTime())) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

/** The portal pages a message links to, the same in every language. */
export const pages = {
  quote: ({ facts, portal }: MessageInput) => portal(`/quotes/${fact(facts, 'quote_id')}`),
  staffQuote: ({ facts, portal }: MessageInput) => portal(`/staff/quotes/${fact(facts, 'quote_id')}`),
  order: ({ facts, portal }: MessageInput) => portal(`/orders/${fact(facts, 'order_id')}`),
  staffOrder: ({ facts, portal }: MessageInput) => portal(`/staff/orders/${fact(facts, 'order_id')}`),
  /** The proof viewer when the row names the proof (older rows name only the order). */
  proof: (input: MessageInput) => (fact(input.facts, 'proof_id') ? input.portal(`/proofs/${fact(input.facts, 'proof_id')}`) : pages.order(input)),
  staffProof: ({ facts, portal }: MessageInput) => portal(`/staff/proofs/${fact(facts, 'proof_id')}`),
};

/** A shipment's carrier, tracking number and the carrier's tracking page (null when unknown). */
export function shipment(facts: Facts): { carrier: string; number: string; tracking: string | null } {
  const carrier = fact(facts, 'carrier');
  const number = fact(facts, 'tracking_number');
  return { carrier, number, tracking: trackingUrl(carrier, number) };
}
