import type { ErrorCode } from '@portal/common';

/** The HTTP status and client message of one error code. */
export interface CatalogueEntry {
  status: number;
  message: string;
  /** The catalogue message always, whatever detail the handler attached (the detail goes to the log only). */
  sensitive?: boolean;
}

/**
 * What the action server answers for each of its error codes (`extensions.code`). The codes are
 * `ERROR_CODES` of `@portal/common`; this has exactly one entry for each. Clients switch on the
 * code; the message is for people.
 */
export const ERROR_CATALOGUE = {
  BAD_REQUEST: { status: 400, message: 'The request is not a valid Hasura action call.' },
  VALIDATION_FAILED: { status: 400, message: 'Some of the input is invalid.' },
  CONFLICT: { status: 409, message: 'This conflicts with something saved in the meantime. Reload and try again.' },
  UNAUTHORIZED_CALLER: { status: 401, message: 'Only the GraphQL engine may call the action server.' },
  NOT_FOUND: { status: 404, message: 'There is no such action.' },
  SESSION_INVALID: { status: 403, message: 'Your session does not allow this. Sign in again.' },
  UNKNOWN_TENANT: { status: 400, message: 'This portal does not exist.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The email address or password is incorrect.', sensitive: true },
  EMAIL_NOT_VERIFIED: { status: 403, message: 'Confirm your email address before signing in; we can send the link again.' },
  MFA_TICKET_INVALID: { status: 401, message: 'This sign-in attempt has expired. Sign in again.' },
  INVALID_MFA_CODE: { status: 401, message: 'The authentication code is incorrect.' },
  MFA_CODE_ALREADY_USED: { status: 401, message: 'This authentication code was already used. Wait for the next code from your app and enter that one.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Too many failed attempts. Try again later.' },
  CURRENT_PASSWORD_INCORRECT: { status: 403, message: 'Your current password is incorrect.' },
  WEAK_PASSWORD: { status: 400, message: 'Choose a different password.' },
  INVALID_TOKEN: { status: 400, message: 'This link is not valid.' },
  TOKEN_EXPIRED: { status: 400, message: 'This link has expired. Ask for a new one.' },
  TOKEN_ALREADY_USED: { status: 400, message: 'This link was already used or has been replaced by a newer one.' },
  INVALID_REFRESH_TOKEN: { status: 401, message: 'Your session has ended. Sign in again.' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has expired. Sign in again.' },
  MFA_ALREADY_ENABLED: { status: 409, message: 'Two-factor authentication is already on. Turn it off first to set it up again.' },
  MFA_NOT_ENABLED: { status: 409, message: 'Two-factor authentication is not on.' },
  MFA_ENROLLMENT_NOT_STARTED: { status: 409, message: 'Start setting up two-factor authentication first.' },
  SESSION_NOT_FOUND: { status: 404, message: 'There is no such active session.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Wait a few minutes and try again.' },
  INVALID_API_KEY: { status: 401, message: 'The API key is not valid.', sensitive: true },
  ROLE_NOT_ALLOWED: { status: 403, message: 'Your role does not allow this.' },
  QUOTE_NOT_FOUND: { status: 404, message: 'There is no such quote.' },
  QUOTE_NOT_PRICED: { status: 409, message: 'This quote has no price to decide on yet.' },
  QUOTE_NOT_PRICEABLE: { status: 409, message: 'Only a requested quote, or one the customer sent back with changes, can be priced.' },
  QUOTE_EXPIRED: { status: 409, message: 'This quote has expired. Ask for a new price.' },
  QUOTE_ALREADY_CONVERTED: { status: 409, message: 'This quote has already been approved and turned into an order.' },
  QUOTE_ALREADY_DECIDED: { status: 409, message: 'This quote has already been decided.' },
  STALE_REVISION: { status: 409, message: 'This quote was priced again since you opened it. Review the new price and try again.' },
  APPROVAL_LIMIT_EXCEEDED: { status: 403, message: "This quote is above your company's approval limit: a company administrator must approve it." },
  ORDER_NOT_FOUND: { status: 404, message: 'There is no such order.' },
  NOTHING_TO_REORDER: { status: 409, message: 'This order has no lines to order again.' },
  MAIL_UNAVAILABLE: { status: 503, message: 'The mail provider is unavailable; the email will be sent on a later try.' },
  ARTWORK_TYPE_NOT_ALLOWED: { status: 400, message: 'Upload PDF, AI, EPS, PSD, TIFF, PNG or JPEG files only.' },
  ARTWORK_TOO_LARGE: { status: 400, message: 'This file is larger than the upload limit.' },
  ARTWORK_NOT_FOUND: { status: 404, message: 'There is no such artwork file.' },
  ARTWORK_NOT_PENDING: { status: 409, message: 'This upload was already confirmed or refused.' },
  ARTWORK_NOT_UPLOADED: { status: 409, message: 'The file has not arrived in storage yet. Upload it, then confirm.' },
  ARTWORK_NOT_CLEAN: { status: 409, message: 'Only files that passed the virus scan can be downloaded.' },
  ARTWORK_NO_PREVIEW: { status: 404, message: 'This file has no preview.' },
  ORDER_LINE_NOT_FOUND: { status: 404, message: 'There is no such order line.' },
  PROOF_NOT_FOUND: { status: 404, message: 'There is no such proof.' },
  PROOF_SUPERSEDED: { status: 409, message: 'A newer version of this proof exists; only the current version can be decided or commented on.' },
  PROOF_ALREADY_DECIDED: { status: 409, message: 'This proof version has already been decided; withdraw that decision first.' },
  PROOF_NOT_DECIDED: { status: 409, message: 'This proof version has no decision to withdraw.' },
  PROOF_LOCKED: { status: 409, message: 'This proof is locked (the order is in production or staff locked it); its decision can no longer be withdrawn.' },
  PROOF_FILE_NOT_READY: { status: 409, message: 'Only a proof file that passed the virus scan can be published.' },
  PROOF_ALREADY_PUBLISHED: { status: 409, message: 'This file is already published as a proof version.' },
  PROOF_ORDER_CLOSED: { status: 409, message: 'Proofs cannot be published for a cancelled, shipped or delivered order.' },
  PROOF_COMMENT_NOT_FOUND: { status: 404, message: 'There is no such comment thread on this proof.' },
  PROOF_PAGE_OUT_OF_RANGE: { status: 400, message: 'This proof has no such page.' },
  PROOF_NO_PREVIEW: { status: 404, message: 'This proof page has no preview.' },
  ACCOUNT_PENDING_APPROVAL: { status: 403, message: "Your company's portal administrator has not approved your account yet; you can sign in once they have." },
  USER_NOT_FOUND: { status: 404, message: 'There is no such person in your company.' },
  CANNOT_CHANGE_OWN_ACCESS: { status: 409, message: 'You cannot change your own role, deactivate yourself or end your own access here; ask another administrator.' },
  USER_NOT_PENDING: { status: 409, message: 'This person is not waiting for approval.' },
  INVITATION_NOT_POSSIBLE: { status: 409, message: 'This address cannot be invited: it already has an account in this portal.' },
  EMAIL_DOMAIN_NOT_ALLOWED: { status: 400, message: 'Only the domain of your own confirmed address can be added, and never a public mail service.' },
  EMAIL_DOMAIN_NOT_FOUND: { status: 404, message: 'There is no such domain for your company.' },
  EMAIL_DOMAIN_TAKEN: { status: 409, message: 'This domain is already registered in the portal.' },
  MFA_REQUIRED_BY_COMPANY: { status: 409, message: 'Your company requires two-factor authentication, so it cannot be turned off.' },
  MFA_ENROLLMENT_REQUIRED: { status: 403, message: 'Your company requires two-factor authentication: set it up to continue.' },
  API_KEY_NOT_FOUND: { status: 404, message: 'There is no such API key in your company.' },
  WEBHOOK_ENDPOINT_NOT_FOUND: { status: 404, message: 'There is no such webhook endpoint in your company.' },
  WEBHOOK_ENDPOINT_INACTIVE: { status: 409, message: 'This webhook endpoint is turned off; turn it on to send to it.' },
  WEBHOOK_URL_NOT_ALLOWED: { status: 400, message: 'A webhook address must be an https:// URL on the public internet.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.', sensitive: true },
} as const satisfies Record<ErrorCode, CatalogueEntry>;

export type { ErrorCode };
