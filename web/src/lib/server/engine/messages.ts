import { describeFileSize, isErrorCode, type ErrorCode } from '@portal/common';

export const GENERIC_MESSAGE = 'Something went wrong on our side. Try again in a moment.';

/** One message per action-server code, so a code added to `ERROR_CODES` fails to compile until it has one. */
const ACTION_MESSAGES: Record<ErrorCode, string> = {
  INVALID_CREDENTIALS: 'The email address or password is incorrect.',
  EMAIL_NOT_VERIFIED: 'Confirm your email address before signing in. We can send you the link again.',
  MFA_TICKET_INVALID: 'This sign-in attempt has expired. Sign in again.',
  INVALID_MFA_CODE: 'That code is not right. Enter the current 6-digit code from your authenticator app, or one of your backup codes.',
  MFA_CODE_ALREADY_USED: 'That code was already used. Wait for your authenticator app to show the next code (a new one every 30 seconds), then enter it.',
  ACCOUNT_LOCKED: 'Too many failed attempts. Your account is locked for a while; try again later.',
  CURRENT_PASSWORD_INCORRECT: 'Your current password is incorrect.',
  WEAK_PASSWORD: 'Choose a different password.',
  INVALID_TOKEN: 'This link is not valid. Ask for a new one.',
  TOKEN_EXPIRED: 'This link has expired. Ask for a new one.',
  TOKEN_ALREADY_USED: 'This link was already used, or a newer one replaced it.',
  INVALID_REFRESH_TOKEN: 'Your session has ended. Sign in again.',
  SESSION_EXPIRED: 'Your session has expired. Sign in again.',
  SESSION_INVALID: 'Your session does not allow this. Sign in again.',
  MFA_ALREADY_ENABLED: 'Two-factor authentication is already on.',
  MFA_NOT_ENABLED: 'Two-factor authentication is not on.',
  MFA_ENROLLMENT_NOT_STARTED: 'Start setting up two-factor authentication again: the setup has expired or was not started.',
  SESSION_NOT_FOUND: 'That session has already ended.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  UNKNOWN_TENANT: 'This portal is not set up correctly. Contact your printer.',
  VALIDATION_FAILED: 'Some of the details are not valid. Check them and try again.',
  CONFLICT: 'Someone changed this in the meantime. Reload the page and try again.',
  ROLE_NOT_ALLOWED: 'Your role does not allow this. Ask an approver or your company administrator.',
  QUOTE_NOT_FOUND: 'We could not find that quote.',
  QUOTE_NOT_PRICED: 'This quote has no price yet. We will let you know when it is ready for your decision.',
  QUOTE_NOT_PRICEABLE: 'This quote cannot be priced now: it is already priced or decided.',
  QUOTE_EXPIRED: 'This quote has expired. Ask us for a new price.',
  QUOTE_ALREADY_CONVERTED: 'This quote has already been approved, and its order has been placed.',
  QUOTE_ALREADY_DECIDED: 'This quote has already been decided.',
  STALE_REVISION: 'This quote was priced again since you opened it. Review the new price, then decide.',
  APPROVAL_LIMIT_EXCEEDED: "This quote is above your company's approval limit. Your company administrator must approve it.",
  ORDER_NOT_FOUND: 'We could not find that order.',
  NOTHING_TO_REORDER: 'This order has no lines to order again.',
  MAIL_UNAVAILABLE: 'We could not send the email just now; it will be sent on a later try.',
  ARTWORK_TYPE_NOT_ALLOWED: "Upload PDF, AI, EPS, PSD, TIFF, PNG or JPEG files only; the file's name and type must agree.",
  ARTWORK_TOO_LARGE: 'This file is larger than the upload limit.',
  ARTWORK_NOT_FOUND: 'We could not find that file.',
  ARTWORK_NOT_PENDING: 'This upload was already checked.',
  ARTWORK_NOT_UPLOADED: 'The file did not finish uploading. Try uploading it again.',
  ARTWORK_NOT_CLEAN: 'Only files that passed the virus scan can be downloaded.',
  ARTWORK_NO_PREVIEW: 'This file has no preview.',
  ORDER_LINE_NOT_FOUND: 'That order line no longer exists. Reload the order.',
  PROOF_NOT_FOUND: 'That proof does not exist or is not yours to see.',
  PROOF_SUPERSEDED: 'A newer version of this proof has been published. Open the current version to decide or comment.',
  PROOF_ALREADY_DECIDED: 'This proof has already been decided. Withdraw that decision first if you want to change it.',
  PROOF_NOT_DECIDED: 'There is no decision on this proof to withdraw.',
  PROOF_LOCKED: 'This proof is locked because production has started, so its decision can no longer be withdrawn. Contact the printer.',
  PROOF_FILE_NOT_READY: 'The proof file has not passed the virus scan yet. Wait for it to finish, then publish.',
  PROOF_ALREADY_PUBLISHED: 'This file has already been published as a proof.',
  PROOF_ORDER_CLOSED: 'This order is closed (cancelled, shipped or delivered), so no new proof can be published.',
  PROOF_COMMENT_NOT_FOUND: 'That comment no longer exists. Reload the proof.',
  PROOF_PAGE_OUT_OF_RANGE: 'That page is not part of this proof.',
  PROOF_NO_PREVIEW: 'This page has no preview.',
  ACCOUNT_PENDING_APPROVAL: 'Your company’s portal administrator has not approved your account yet. You can sign in once they have; we email you then.',
  USER_NOT_FOUND: 'That person is not, or no longer, in your company’s list. Reload the page.',
  CANNOT_CHANGE_OWN_ACCESS: 'You cannot change your own role or deactivate yourself. Ask another portal administrator of your company.',
  USER_NOT_PENDING: 'This person is no longer waiting for approval. Reload the page.',
  INVITATION_NOT_POSSIBLE: 'This address already has an account in the portal, so it cannot be invited. If the person belongs to your company, ask the printer to move the account.',
  EMAIL_DOMAIN_NOT_ALLOWED: 'You can add only the domain of your own email address, and never a public mail service such as gmail.com.',
  EMAIL_DOMAIN_NOT_FOUND: 'That domain is no longer on the list. Reload the page.',
  EMAIL_DOMAIN_TAKEN: 'This domain is already registered in the portal.',
  MFA_REQUIRED_BY_COMPANY: 'Your company requires two-factor authentication, so it cannot be turned off. Ask a portal administrator of your company if you need it changed.',
  MFA_ENROLLMENT_REQUIRED: 'Your company requires two-factor authentication. Set it up on the security page to continue.',
  API_KEY_NOT_FOUND: 'We could not find that API key. It may belong to another company or have been removed.',
  WEBHOOK_ENDPOINT_NOT_FOUND: 'We could not find that webhook endpoint.',
  WEBHOOK_ENDPOINT_INACTIVE: 'This webhook endpoint is turned off. Turn it on before sending a test event.',
  WEBHOOK_URL_NOT_ALLOWED: 'Enter an https:// address on the public internet, such as https://erp.example.com/portal-webhooks.',
  // Nothing a person can do about these: a bug, a misconfiguration, or an integrator's call.
  BAD_REQUEST: GENERIC_MESSAGE,
  UNAUTHORIZED_CALLER: GENERIC_MESSAGE,
  NOT_FOUND: GENERIC_MESSAGE,
  INVALID_API_KEY: GENERIC_MESSAGE,
  INTERNAL: GENERIC_MESSAGE,
};

/** Hasura's own codes, and `NETWORK` for an engine the web server could not reach. */
const ENGINE_MESSAGES: Record<string, string> = {
  'invalid-jwt': 'We could not verify your session. Sign out and sign in again.',
  'access-denied': 'You do not have access to this.',
  'permission-error': 'You do not have access to this.',
  // A change the database refused: a duplicate, a missing row it refers to, or a value out of range.
  'constraint-violation': 'This change conflicts with what is already saved. Reload the page and try again.',
  'data-exception': 'One of the values is not in a form the portal can save. Check the dates and numbers and try again.',
  NETWORK: 'We could not reach the portal’s server. Check your connection and try again.',
};

/** `extensions.reason` of WEAK_PASSWORD. */
const WEAK_PASSWORD_REASONS: Record<string, string> = {
  TOO_SHORT: 'Use at least 8 characters.',
  TOO_LONG: 'Use at most 128 characters.',
  COMMON: 'This password is too common. Choose one that is harder to guess, such as a few unrelated words.',
  CONTEXT: 'Do not use your name, your email address, or the name of your company or this portal in your password.',
  BREACHED: 'This password has appeared in a data breach. Choose a different one.',
};

/**
 * What to tell a person for an error code the API answered with (`extensions.code`, any string off
 * the wire); `reason` refines WEAK_PASSWORD. Anything unknown gets the generic message; the
 * original goes to the log, never to the page.
 */
export function humanMessage(code: string, reason?: string, extensions: Record<string, unknown> = {}): string {
  if (code === 'WEAK_PASSWORD' && reason && WEAK_PASSWORD_REASONS[reason]) return WEAK_PASSWORD_REASONS[reason];
  if (code === 'ARTWORK_TOO_LARGE' && typeof extensions.sizeBytes === 'number' && typeof extensions.maxBytes === 'number') {
    return `This file is ${describeFileSize(extensions.sizeBytes)}; the limit is ${describeFileSize(extensions.maxBytes)}.`;
  }
  if (isErrorCode(code)) return ACTION_MESSAGES[code];
  return ENGINE_MESSAGES[code] ?? GENERIC_MESSAGE;
}
