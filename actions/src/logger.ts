import pino from 'pino';

/**
 * Structured logs (JSON; pipe through pino-pretty on a terminal). Handlers never log bodies, but the
 * redaction list still covers every place a secret could travel: headers Hasura forwards from the
 * client, and the inputs of the sign-in actions.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-portal-action-secret"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.refreshToken',
  '*.mfaTicket',
  '*.mfaCode',
  '*.code',
  '*.otp',
  '*.apiKey',
  // Webhook signing secrets, answered once by the endpoint actions.
  '*.secret',
  '*.databaseUrl',
  // Presigned storage requests: whoever holds one may upload or download until it expires.
  '*.uploadUrl',
  '*.fields',
  '*.url',
  '*.credentials',
];

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, base: { service: 'actions' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

export type Logger = pino.Logger;
