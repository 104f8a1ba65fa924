import { describeFileSize, isErrorCode, type ErrorCode } from '@portal/common';
import { m } from '../../paraglide/messages.js';

/** Messages are functions: each is worded in the language of the request being answered. */
type Message = () => string;

export const genericMessage: Message = m.error_generic_message;

/** One message per action-server code, so a code added to `ERROR_CODES` fails to compile until it has one. */
const ACTION_MESSAGES: Record<ErrorCode, Message> = {
  INVALID_CREDENTIALS: m.error_invalid_credentials,
  EMAIL_NOT_VERIFIED: m.error_email_not_verified,
  MFA_TICKET_INVALID: m.error_mfa_ticket_invalid,
  INVALID_MFA_CODE: m.error_invalid_mfa_code,
  MFA_CODE_ALREADY_USED: m.error_mfa_code_already_used,
  ACCOUNT_LOCKED: m.error_account_locked,
  CURRENT_PASSWORD_INCORRECT: m.error_current_password_incorrect,
  WEAK_PASSWORD: m.error_weak_password,
  INVALID_TOKEN: m.error_invalid_token,
  TOKEN_EXPIRED: m.error_token_expired,
  TOKEN_ALREADY_USED: m.error_token_already_used,
  INVALID_REFRESH_TOKEN: m.error_invalid_refresh_token,
  SESSION_EXPIRED: m.error_session_expired,
  SESSION_INVALID: m.error_session_invalid,
  MFA_ALREADY_ENABLED: m.error_mfa_already_enabled,
  MFA_NOT_ENABLED: m.error_mfa_not_enabled,
  MFA_ENROLLMENT_NOT_STARTED: m.error_mfa_enrollment_not_started,
  SESSION_NOT_FOUND: m.error_session_not_found,
  RATE_LIMITED: m.error_rate_limited,
  UNKNOWN_TENANT: m.error_unknown_tenant,
  VALIDATION_FAILED: m.error_validation_failed,
  CONFLICT: m.error_conflict,
  ROLE_NOT_ALLOWED: m.error_role_not_allowed,
  QUOTE_NOT_FOUND: m.error_quote_not_found,
  QUOTE_NOT_PRICED: m.error_quote_not_priced,
  QUOTE_NOT_PRICEABLE: m.error_quote_not_priceable,
  QUOTE_EXPIRED: m.error_quote_expired,
  QUOTE_ALREADY_CONVERTED: m.error_quote_already_converted,
  QUOTE_ALREADY_DECIDED: m.error_quote_already_decided,
  STALE_REVISION: m.error_stale_revision,
  APPROVAL_LIMIT_EXCEEDED: m.error_approval_limit_exceeded,
  ORDER_NOT_FOUND: m.error_order_not_found,
  NOTHING_TO_REORDER: m.error_nothing_to_reorder,
  MAIL_UNAVAILABLE: m.error_mail_unavailable,
  ARTWORK_TYPE_NOT_ALLOWED: m.error_artwork_type_not_allowed,
  ARTWORK_TOO_LARGE: m.error_artwork_too_large,
  ARTWORK_NOT_FOUND: m.error_artwork_not_found,
  ARTWORK_NOT_PENDING: m.error_artwork_not_pending,
  ARTWORK_NOT_UPLOADED: m.error_artwork_not_uploaded,
  ARTWORK_NOT_CLEAN: m.error_artwork_not_clean,
  ARTWORK_NO_PREVIEW: m.error_artwork_no_preview,
  ORDER_LINE_NOT_FOUND: m.error_order_line_not_found,
  PROOF_NOT_FOUND: m.error_proof_not_found,
  PROOF_SUPERSEDED: m.error_proof_superseded,
  PROOF_ALREADY_DECIDED: m.error_proof_already_decided,
  PROOF_NOT_DECIDED: m.error_proof_not_decided,
  PROOF_LOCKED: m.error_proof_locked,
  PROOF_FILE_NOT_READY: m.error_proof_file_not_ready,
  PROOF_ALREADY_PUBLISHED: m.error_proof_already_published,
  PROOF_ORDER_CLOSED: m.error_proof_order_closed,
  PROOF_COMMENT_NOT_FOUND: m.error_proof_comment_not_found,
  PROOF_PAGE_OUT_OF_RANGE: m.error_proof_page_out_of_range,
  PROOF_NO_PREVIEW: m.error_proof_no_preview,
  ACCOUNT_PENDING_APPROVAL: m.error_account_pending_approval,
  USER_NOT_FOUND: m.error_user_not_found,
  CANNOT_CHANGE_OWN_ACCESS: m.error_cannot_change_own_access,
  USER_NOT_PENDING: m.error_user_not_pending,
  INVITATION_NOT_POSSIBLE: m.error_invitation_not_possible,
  EMAIL_DOMAIN_NOT_ALLOWED: m.error_email_domain_not_allowed,
  EMAIL_DOMAIN_NOT_FOUND: m.error_email_domain_not_found,
  EMAIL_DOMAIN_TAKEN: m.error_email_domain_taken,
  MFA_REQUIRED_BY_COMPANY: m.error_mfa_required_by_company,
  MFA_ENROLLMENT_REQUIRED: m.error_mfa_enrollment_required,
  API_KEY_NOT_FOUND: m.error_api_key_not_found,
  WEBHOOK_ENDPOINT_NOT_FOUND: m.error_webhook_endpoint_not_found,
  WEBHOOK_ENDPOINT_INACTIVE: m.error_webhook_endpoint_inactive,
  WEBHOOK_URL_NOT_ALLOWED: m.error_webhook_url_not_allowed,
  // Nothing a person can do about these: a bug, a misconfiguration, or an integrator's call.
  BAD_REQUEST: genericMessage,
  UNAUTHORIZED_CALLER: genericMessage,
  NOT_FOUND: genericMessage,
  INVALID_API_KEY: genericMessage,
  INTERNAL: genericMessage,
};

/** Hasura's own codes, and `NETWORK` for an engine the web server could not reach. */
const ENGINE_MESSAGES: Record<string, Message> = {
  'invalid-jwt': m.error_invalid_jwt,
  'access-denied': m.error_access_denied,
  'permission-error': m.error_permission_error,
  // A change the database refused: a duplicate, a missing row it refers to, or a value out of range.
  'constraint-violation': m.error_constraint_violation,
  'data-exception': m.error_data_exception,
  NETWORK: m.error_network,
};

/** `extensions.reason` of WEAK_PASSWORD. */
const WEAK_PASSWORD_REASONS: Record<string, Message> = {
  TOO_SHORT: m.error_weak_password_too_short,
  TOO_LONG: m.error_weak_password_too_long,
  COMMON: m.error_weak_password_common,
  CONTEXT: m.error_weak_password_context,
  BREACHED: m.error_weak_password_breached,
};

/**
 * What to tell a person for an error code the API answered with (`extensions.code`, any string off
 * the wire); `reason` refines WEAK_PASSWORD. Anything unknown gets the generic message; the
 * original goes to the log, never to the page.
 */
export function humanMessage(code: string, reason?: string, extensions: Record<string, unknown> = {}): string {
  const weakPassword = code === 'WEAK_PASSWORD' && reason ? WEAK_PASSWORD_REASONS[reason] : undefined;
  if (weakPassword) return weakPassword();
  if (code === 'ARTWORK_TOO_LARGE' && typeof extensions.sizeBytes === 'number' && typeof extensions.maxBytes === 'number') {
    return m.error_artwork_too_large_sized({ size: describeFileSize(extensions.sizeBytes), limit: describeFileSize(extensions.maxBytes) });
  }
  if (isErrorCode(code)) return ACTION_MESSAGES[code]();
  return (ENGINE_MESSAGES[code] ?? genericMessage)();
}
