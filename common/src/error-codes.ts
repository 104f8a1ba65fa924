/**
 * The closed list of error codes the action server answers with (`extensions.code`). The action
 * server's catalogue gives each its status and message, the web portal each its human message;
 * both are typed over this list, so a code added here fails to compile until both have it.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHORIZED_CALLER',
  'NOT_FOUND',
  'SESSION_INVALID',
  'UNKNOWN_TENANT',
  'INVALID_CREDENTIALS',
  'EMAIL_NOT_VERIFIED',
  'MFA_TICKET_INVALID',
  'INVALID_MFA_CODE',
  'MFA_CODE_ALREADY_USED',
  'ACCOUNT_LOCKED',
  'CURRENT_PASSWORD_INCORRECT',
  'WEAK_PASSWORD',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'TOKEN_ALREADY_USED',
  'INVALID_REFRESH_TOKEN',
  'SESSION_EXPIRED',
  'MFA_ALREADY_ENABLED',
  'MFA_NOT_ENABLED',
  'MFA_ENROLLMENT_NOT_STARTED',
  'SESSION_NOT_FOUND',
  'RATE_LIMITED',
  'INVALID_API_KEY',
  'ROLE_NOT_ALLOWED',
  'QUOTE_NOT_FOUND',
  'QUOTE_NOT_PRICED',
  'QUOTE_NOT_PRICEABLE',
  'QUOTE_EXPIRED',
  'QUOTE_ALREADY_CONVERTED',
  'QUOTE_ALREADY_DECIDED',
  'STALE_REVISION',
  'APPROVAL_LIMIT_EXCEEDED',
  'ORDER_NOT_FOUND',
  'NOTHING_TO_REORDER',
  'MAIL_UNAVAILABLE',
  'ARTWORK_TYPE_NOT_ALLOWED',
  'ARTWORK_TOO_LARGE',
  'ARTWORK_NOT_FOUND',
  'ARTWORK_NOT_PENDING',
  'ARTWORK_NOT_UPLOADED',
  'ARTWORK_NOT_CLEAN',
  'ARTWORK_NO_PREVIEW',
  'ORDER_LINE_NOT_FOUND',
  'PROOF_NOT_FOUND',
  'PROOF_SUPERSEDED',
  'PROOF_ALREADY_DECIDED',
  'PROOF_NOT_DECIDED',
  'PROOF_LOCKED',
  'PROOF_FILE_NOT_READY',
  'PROOF_ALREADY_PUBLISHED',
  'PROOF_ORDER_CLOSED',
  'PROOF_COMMENT_NOT_FOUND',
  'PROOF_PAGE_OUT_OF_RANGE',
  'PROOF_NO_PREVIEW',
  'API_KEY_NOT_FOUND',
  'WEBHOOK_ENDPOINT_NOT_FOUND',
  'WEBHOOK_ENDPOINT_INACTIVE',
  'WEBHOOK_URL_NOT_ALLOWED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** Narrows a code read off the wire (any string) to one of the action server's codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return KNOWN_CODES.has(code);
}
