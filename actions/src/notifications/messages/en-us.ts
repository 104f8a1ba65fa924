import { SALES_ORDER_STATUS_LABELS, type SalesOrderStatus } from '@portal/common';
import { day, documentNumber, fact, money, pages, shipment, type MailCatalogue, type MessageInput } from './message-types.ts';

const newStatus = ({ facts }: MessageInput) => SALES_ORDER_STATUS_LABELS[fact(facts, 'to_status') as SalesOrderStatus] ?? fact(facts, 'to_status');

const PROOF_DECISIONS_EN: Record<string, string> = {
  APPROVED: 'approved',
  APPROVED_WITH_CHANGES: 'approved with changes',
  REVISION_REQUESTED: 'revision requested',
  WITHDRAWN: 'decision withdrawn',
};

/** Customers' and staff's emails in US English. */
export const EN_US: MailCatalogue = {
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  signOff: (printer) => `${printer}`,
  securityNote: 'We send this message for your account’s security; it cannot be turned off. If this was not you, reset your password at once.',
  preferencesNote: 'You can choose which of these emails you get on your profile page.',
  linkLead: 'Open:',
  messages: {
    EMAIL_VERIFICATION: ({ portal, token }) => ({
      subject: 'Confirm your email address',
      paragraphs: ['Confirm your email address to finish setting up your account. The link works once and for 24 hours.'],
      action: { label: 'Confirm my email address', href: portal('/verify-email', { token: token ?? '' }) },
    }),
    PASSWORD_RESET: ({ portal, token }) => ({
      subject: 'Reset your password',
      paragraphs: ['Someone asked to reset your password. The link works once and for one hour. If it was not you, ignore this email: your password stays as it is.'],
      action: { label: 'Choose a new password', href: portal('/reset-password', { token: token ?? '' }) },
    }),
    PASSWORD_CHANGED: ({ facts, portal }) => ({
      subject: 'Your password was changed',
      paragraphs: [
        fact(facts, 'by') === 'reset' ? 'Your password was reset with a link from this address.' : 'Your password was changed.',
        'Every other session was signed out.',
      ],
      action: { label: 'Review your security settings', href: portal('/profile/security') },
    }),
    MFA_CHANGED: ({ facts, portal }) => ({
      subject: 'Your two-factor authentication settings changed',
      paragraphs: [facts.enabled === true ? 'Two-factor authentication is now on for your account.' : 'Two-factor authentication was turned off for your account.'],
      action: { label: 'Review your security settings', href: portal('/profile/security') },
    }),
    QUOTE_PRICED: (input) => ({
      subject: `Quote ${documentNumber(input.facts)} is ready for your decision`,
      paragraphs: [
        `Quote ${documentNumber(input.facts)} has been priced${money(input.facts, input.language) ? ` at ${money(input.facts, input.language)}` : ''}.`,
        day(input.facts, 'valid_until', input.language) ? `The price is valid until ${day(input.facts, 'valid_until', input.language)}.` : 'Review it and approve, reject or ask for changes.',
      ],
      action: { label: 'Review the quote', href: pages.quote(input) },
    }),
    QUOTE_REQUESTED: (input) => ({
      subject: `New quote request ${documentNumber(input.facts)}`,
      paragraphs: [`A customer asked for quote ${documentNumber(input.facts)}. It waits in the pricing queue.`],
      action: { label: 'Price the quote', href: pages.staffQuote(input) },
    }),
    QUOTE_APPROVED: (input) => ({
      subject: `Quote ${documentNumber(input.facts)} was approved`,
      paragraphs: [`The customer approved quote ${documentNumber(input.facts)}${fact(input.facts, 'order_number') ? `; it became order ${fact(input.facts, 'order_number')}` : ''}.`],
      action: { label: 'Open the quote', href: pages.staffQuote(input) },
    }),
    QUOTE_REJECTED: (input) => ({
      subject: `Quote ${documentNumber(input.facts)} was rejected`,
      paragraphs: [`The customer rejected quote ${documentNumber(input.facts)}.`, ...(fact(input.facts, 'reason') ? [`Their reason: ${fact(input.facts, 'reason')}`] : [])],
      action: { label: 'Open the quote', href: pages.staffQuote(input) },
    }),
    QUOTE_CHANGES_REQUESTED: (input) => ({
      subject: `Changes were requested to quote ${documentNumber(input.facts)}`,
      paragraphs: [`The customer asked for changes to quote ${documentNumber(input.facts)}.`, ...(fact(input.facts, 'notes') ? [`They wrote: ${fact(input.facts, 'notes')}`] : [])],
      action: { label: 'Open the quote', href: pages.staffQuote(input) },
    }),
    ORDER_PLACED: (input) => ({
      subject: `New order ${documentNumber(input.facts)}`,
      paragraphs: [`A customer placed order ${documentNumber(input.facts)}.`],
      action: { label: 'Open the order', href: pages.staffOrder(input) },
    }),
    ORDER_STATUS_CHANGED: (input) => ({
      subject: `Order ${documentNumber(input.facts)}: ${newStatus(input)}`,
      paragraphs: [`Order ${documentNumber(input.facts)} is now: ${newStatus(input)}.`],
      action: { label: 'Open the order', href: pages.order(input) },
    }),
    ORDER_SHIPPED: (input) => {
      const { carrier, number, tracking } = shipment(input.facts);
      return {
        subject: `Order ${documentNumber(input.facts)} has shipped`,
        paragraphs: [
          `Order ${documentNumber(input.facts)} is on its way.`,
          ...(number ? [`${carrier ? `${carrier} tracking` : 'Tracking'} number: ${number}`] : []),
        ],
        action: { label: 'Open the order', href: pages.order(input) },
        ...(tracking ? { link: { label: `Track the parcel with ${carrier}`, href: tracking } } : {}),
      };
    },
    ARTWORK_INFECTED: ({ facts, portal }) => ({
      subject: `Virus found in an upload from ${fact(facts, 'customer_name') || 'a customer'}`,
      paragraphs: [
        `The virus scanner found ${fact(facts, 'signature') || 'a threat'} in ${fact(facts, 'file_name')}, uploaded by ${fact(facts, 'customer_name') || 'a customer'}.`,
        'The file is quarantined and cannot be downloaded. Ask the customer for a clean copy.',
      ],
      action: { label: 'Open the staff area', href: portal('/staff') },
    }),
    PROOF_READY: (input) => ({
      subject: `A proof for order ${documentNumber(input.facts)} is ready for review`,
      paragraphs: [`A new proof for order ${documentNumber(input.facts)} waits for your approval. Production starts once it is approved.`],
      action: { label: 'Review the proof', href: pages.proof(input) },
    }),
    PROOF_DECIDED: (input) => ({
      subject: `Proof v${fact(input.facts, 'version')} for order ${documentNumber(input.facts)}: ${PROOF_DECISIONS_EN[fact(input.facts, 'decision')] ?? fact(input.facts, 'decision')}`,
      paragraphs: [
        `${fact(input.facts, 'decided_by_name') || 'The customer'}: ${PROOF_DECISIONS_EN[fact(input.facts, 'decision')] ?? fact(input.facts, 'decision')} (line ${fact(input.facts, 'line_number')}, version ${fact(input.facts, 'version')}).`,
        ...(fact(input.facts, 'comment') ? [`They wrote: ${fact(input.facts, 'comment')}`] : []),
      ],
      action: { label: 'Open the proof', href: pages.staffProof(input) },
    }),
    INVITATION: ({ facts, portal, token }) => ({
      subject: `${fact(facts, 'invited_by_name') || 'Your colleague'} invited you to the ${fact(facts, 'customer_name')} portal`,
      paragraphs: [
        `${fact(facts, 'invited_by_name') || 'A portal administrator of your company'} invited you to follow ${fact(facts, 'customer_name')}'s orders, quotes and proofs in the portal.`,
        'Choose your name and a password to accept. The link works once and for 7 days.',
      ],
      action: { label: 'Accept the invitation', href: portal('/invitation', { token: token ?? '' }) },
    }),
    REGISTRATION_PENDING: ({ facts, portal }) => ({
      subject: `${fact(facts, 'registrant_name') || 'Someone'} waits for your approval`,
      paragraphs: [
        `${fact(facts, 'registrant_name')} (${fact(facts, 'registrant_email')}) registered for ${fact(facts, 'customer_name')} and confirmed the address.`,
        'They can sign in once you approve them. Refuse if you do not know them.',
      ],
      action: { label: 'Review the registration', href: portal('/company/users') },
    }),
    ACCOUNT_APPROVED: ({ facts, portal }) => ({
      subject: 'Your portal account is approved',
      paragraphs: [`Your account for ${fact(facts, 'customer_name')} is approved. You can sign in now.`],
      action: { label: 'Sign in', href: portal('/sign-in') },
    }),
    NEW_DEVICE_SIGN_IN: ({ facts, portal, language }) => ({
      subject: 'New sign-in to your account',
      paragraphs: [
        `Your account was signed in to from a browser it had not been used from before${fact(facts, 'ip_address') ? `, at address ${fact(facts, 'ip_address')}` : ''}${day(facts, 'signed_in_at', language) ? `, on ${day(facts, 'signed_in_at', language)}` : ''}.`,
        ...(fact(facts, 'user_agent') ? [`Browser: ${fact(facts, 'user_agent')}`] : []),
        'If this was you, there is nothing to do. If not, change your password at once and end that session on your security page.',
      ],
      action: { label: 'Review where you are signed in', href: portal('/profile/security') },
    }),
    SIGN_IN_ATTACK: ({ portal }) => ({
      subject: 'Many failed sign-ins to your account',
      paragraphs: [
        'Someone tried many wrong passwords for your account in the last minutes, from places where you have not signed in before.',
        'Until it stops, only browsers where you signed in before (and accounts with two-factor authentication) can sign in. If your password is weak or used elsewhere, change it; turning on two-factor authentication keeps your account safe.',
      ],
      action: { label: 'Review your security settings', href: portal('/profile/security') },
    }),
  },
};
