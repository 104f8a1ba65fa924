import pino from 'pino';

/** Structured logs for the root scripts; connection strings are redacted wherever they appear. */
export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['databaseUrl', '*.databaseUrl', 'password', '*.password'], censor: '[redacted]' },
  });
}
export type Logger = ReturnType<typeof createLogger>;
