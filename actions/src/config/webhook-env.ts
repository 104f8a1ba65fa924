import { z } from 'zod';

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1').optional();

/** The webhook sender's variables; see .env.example, section "Webhooks". */
export const webhookEnvShape = {
  // Attempts per delivery before it is FAILED (network errors, timeouts, 5xx and 429 are retried).
  WEBHOOK_MAX_ATTEMPTS: int(1, 30, 8),
  // The wait after the first failed attempt; it doubles after each further one, up to the cap.
  WEBHOOK_RETRY_BASE_SECONDS: int(1, 3600, 60),
  WEBHOOK_RETRY_MAX_SECONDS: int(1, 7 * 24 * 3600, 6 * 3600),
  WEBHOOK_TIMEOUT_SECONDS: int(1, 30, 10),
  // Deliveries one cron run sends at most (in parallel): the cron call must finish within its 60 s.
  WEBHOOK_BATCH_SIZE: int(1, 200, 25),
  // Plain http:// to 127.0.0.1, ::1 or localhost, for receivers on the developer's machine. Off in production.
  WEBHOOK_ALLOW_LOOPBACK_HTTP: flag,
};

const webhookEnvSchema = z.object(webhookEnvShape);
type WebhookEnv = z.output<typeof webhookEnvSchema>;

export interface WebhookConfig {
  maxAttempts: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  timeoutMs: number;
  batchSize: number;
  /** Whether http:// to a loopback host is accepted (https:// to a public host always is). */
  allowLoopbackHttp: boolean;
}

export function toWebhookConfig(e: WebhookEnv, production: boolean): WebhookConfig {
  return {
    maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    retryBaseSeconds: e.WEBHOOK_RETRY_BASE_SECONDS,
    retryMaxSeconds: Math.max(e.WEBHOOK_RETRY_MAX_SECONDS, e.WEBHOOK_RETRY_BASE_SECONDS),
    timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    batchSize: e.WEBHOOK_BATCH_SIZE,
    allowLoopbackHttp: e.WEBHOOK_ALLOW_LOOPBACK_HTTP ?? !production,
  };
}

/** Production refuses plain-http loopback receivers: a customer's endpoint is never on our own machine. */
export function webhookProductionProblems(e: WebhookEnv): string[] {
  return e.WEBHOOK_ALLOW_LOOPBACK_HTTP === true ? ['WEBHOOK_ALLOW_LOOPBACK_HTTP must be false in production'] : [];
}
