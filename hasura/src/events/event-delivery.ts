import type pg from 'pg';
import { addSeconds, EVENT_INVOCATION_VERSION, type DeliveryKind } from '../delivery/index.ts';
import type { ResolvedEventTrigger } from './event-trigger-config.ts';
import { eventWebhookBody } from './event-payload.ts';
import { lockDueEvents, recordAttempt, unlockEvents, type QueuedEvent } from './event-queue.ts';

/** Hasura's delay for an event whose trigger vanished between fetch and delivery. */
const MISSING_TRIGGER_RETRY_SECONDS = 60;

/**
 * Event-trigger events for the delivery loop: `hdb_catalog.event_log` rows, delivered
 * concurrently; an event whose trigger vanished is tried again a minute later.
 */
export function eventDelivery(pool: pg.Pool): DeliveryKind<QueuedEvent, ResolvedEventTrigger> {
  return {
    noun: 'event',
    triggerField: 'trigger',
    invocationVersion: EVENT_INVOCATION_VERSION,
    inOrder: false,
    lockDue: (triggerNames, now, limit) => lockDueEvents(pool, triggerNames, now, limit),
    body: (event, trigger) => eventWebhookBody(event, trigger.numRetries),
    retryConf: (trigger) => ({ numRetries: trigger.numRetries, intervalSec: trigger.intervalSec }),
    recordAttempt: (event, record, result) => recordAttempt(pool, event, record, result),
    release: (events, reason, now) =>
      unlockEvents(pool, events.map((event) => event.id), reason === 'trigger-missing' ? addSeconds(now, MISSING_TRIGGER_RETRY_SECONDS) : null),
  };
}
