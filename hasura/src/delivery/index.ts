/**
 * What event triggers and cron triggers share: resolved webhooks, the POST with Hasura's headers
 * and timeout, invocation records and the retry rule, the deliver/retry loop and its poller, the
 * clock, and the lock that serialises changes to the eventing catalog.
 */
export { withCatalogTransaction, run } from './catalog-transaction.ts';
export { addSeconds, formatUtc, systemClock, type Clock } from './clock.ts';
export { DeliveryWorker, type DeliveryKind, type DeliveryTrigger, type QueuedDelivery } from './delivery-worker.ts';
export type { EventingInconsistency } from './inconsistency.ts';
export { CRON_INVOCATION_VERSION, EVENT_INVOCATION_VERSION, type InvocationRecord, type RetryDecision } from './invocation.ts';
export type { EventLogger } from './logger.ts';
export { Poller } from './poller.ts';
export { fillUrlTemplate, loggedHeaders, resolveHeaders, webhookUrl, type ResolvedWebhook } from './webhook-config.ts';
