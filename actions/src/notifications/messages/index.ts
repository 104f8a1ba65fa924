import type { Language, NotificationTemplate } from '@portal/common';
import { EN_US } from './en-us.ts';
import type { MailCatalogue } from './message-types.ts';
import { ZH_CN } from './zh-cn.ts';

export type { Facts, Message, MessageInput, MailCatalogue } from './message-types.ts';

const CATALOGUES: Record<Language, MailCatalogue> = { 'en-US': EN_US, 'zh-CN': ZH_CN };

/** The catalogue of a language; anything unknown falls back to US English. */
export function catalogueFor(language: string): MailCatalogue {
  return CATALOGUES[language as Language] ?? EN_US;
}

/** Security messages go out whatever the recipient's preferences say. */
export const SECURITY_TEMPLATES: ReadonlySet<NotificationTemplate> = new Set([
  'EMAIL_VERIFICATION',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'MFA_CHANGED',
  'INVITATION',
  'ACCOUNT_APPROVED',
  'SIGN_IN_ATTACK',
]);

/** The key of `customer_users.notification_preferences` that turns a template off; templates without one are always sent. */
export const PREFERENCE_OF: Partial<Record<NotificationTemplate, string>> = {
  QUOTE_PRICED: 'quote_priced',
  ORDER_STATUS_CHANGED: 'order_status',
  ORDER_SHIPPED: 'order_status',
  PROOF_READY: 'proof_ready',
  NEW_DEVICE_SIGN_IN: 'new_device_sign_in',
};
