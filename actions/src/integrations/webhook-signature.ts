import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: `whsec_` and 256 random bits, URL-safe. The HMAC key is the whole string. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The context a secret is sealed under, so a sealed value cannot be moved to another endpoint. */
export function webhookSecretContext(endpointId: string): string {
  return `webhook-endpoint:${endpointId}`;
}

/**
 * `X-Portal-Webhook-Signature`: `v1=` and the hex HMAC-SHA256, under the endpoint's secret, of
 * `<timestamp>.<raw body>` (timestamp in unix seconds, as sent in `X-Portal-Webhook-Timestamp`).
 * Signing the timestamp lets receivers refuse old replays; the version prefix lets a later scheme
 * be added beside this one.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}
