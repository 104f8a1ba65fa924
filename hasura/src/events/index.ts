/**
 * Event triggers and cron triggers for the development engine: SQL triggers capture changes into
 * `hdb_catalog.event_log` in the writing transaction; pollers deliver events and cron runs to
 * their webhooks with Hasura's payloads and retry rules, at least once. See hasura/COMPAT.md.
 */
export { startEventProcessing, type EventProcessing, type EventProcessingOptions } from './start-event-processing.ts';
export { checkEventingSupport } from '../model/index.ts';
export { planEventTriggers, type ResolvedEventTrigger } from './event-trigger-config.ts';
export { systemClock, type Clock, type EventingInconsistency, type EventLogger } from '../delivery/index.ts';
export type { EventWebhookBody } from './event-payload.ts';
