import { messageFor, type Message } from '../../../../lib/i18n/message-lookup.ts';
import { m } from '../../../../lib/paraglide/messages.js';

/** What each kind of email is for, in words staff recognise. */
const TEMPLATE_NAMES: Record<string, Message> = {
  EMAIL_VERIFICATION: m.staff_mail_template_email_verification,
  PASSWORD_RESET: m.staff_mail_template_password_reset,
  PASSWORD_CHANGED: m.staff_mail_template_password_changed,
  MFA_CHANGED: m.staff_mail_template_mfa_changed,
  INVITATION: m.staff_mail_template_invitation,
  QUOTE_PRICED: m.staff_mail_template_quote_priced,
  QUOTE_REQUESTED: m.staff_mail_template_quote_requested,
  QUOTE_APPROVED: m.staff_mail_template_quote_approved,
  QUOTE_REJECTED: m.staff_mail_template_quote_rejected,
  QUOTE_CHANGES_REQUESTED: m.staff_mail_template_quote_changes_requested,
  ORDER_PLACED: m.staff_mail_template_order_placed,
  ORDER_STATUS_CHANGED: m.staff_mail_template_order_status_changed,
  ORDER_SHIPPED: m.staff_mail_template_order_shipped,
  PROOF_READY: m.staff_mail_template_proof_ready,
  PROOF_DECIDED: m.staff_mail_template_proof_decided,
  ARTWORK_INFECTED: m.staff_mail_template_artwork_infected,
};

/** A template's name in the page's language; a template added later shows its code until it has one. */
export function mailTemplateName(template: string): string {
  return messageFor(TEMPLATE_NAMES, template) ?? template;
}
