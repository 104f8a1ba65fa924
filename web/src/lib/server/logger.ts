import pino, { type Logger } from 'pino';

/** JSON logs (pino); anything that could carry a credential is redacted before it is written. */
export function createWebLogger(level: string): Logger {
  return pino({
    name: 'web',
    level,
    redact: {
      paths: ['*.authorization', '*.cookie', '*.password', '*.newPassword', '*.currentPassword', '*.code', '*.token', '*.refreshToken', '*.accessToken', '*.mfaTicket'],
      censor: '[redacted]',
    },
  });
}
