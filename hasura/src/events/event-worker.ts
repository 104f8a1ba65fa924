import type pg from 'pg';
import { addSeconds, type Clock } from './clock.ts';
import type { ResolvedEventTrigger } from './event-trigger-config.ts';
import { eventWebhookBody } from './event-payload.ts';
import { lockDueEvents, recordAttempt, unlockEvents, type QueuedEvent } from './event-queue.ts';
import { decideRetry, EVENT_INVOCATION_VERSION, invocationRecord } from './invocation.ts';
import type { EventLogger } from './logger.ts';
import { DeliveryAborted, isSuccess, postWebhook } from './post-webhook.ts';

export interface EventWorkerDeps {
  pool: pg.Pool;
  clock: Clock;
  logger: EventLogger;
  batchSize: number;
  /** Aborted when event processing stops: in-flight deliveries are abandoned and their events unlocked. */
  stop: AbortSignal;
  /** The deliverable triggers of the metadata version currently served. */
  triggers(): ReadonlyMap<string, ResolvedEventTrigger>;
}

/** Hasura's delay for an event whose trigger vanished between fetch and delivery. */
const MISSING_TRIGGER_RETRY_SECONDS = 60;

/**
 * Delivers event-trigger events: locks a batch of due events, POSTs each to its webhook
 * concurrently and records every attempt. At least once: an event leaves the queue only when an
 * attempt is recorded as delivered or as the last one.
 */
export class EventWorker {
  constructor(private readonly deps: EventWorkerDeps) {}

  /** One poll; true when the batch was full and more events are probably waiting. */
  async runOnce(): Promise<boolean> {
    const triggers = this.deps.triggers();
    if (triggers.size === 0) return false;
    const { pool, clock, batchSize } = this.deps;
    const events = await lockDueEvents(pool, [...triggers.keys()], clock.now(), batchSize);
    await Promise.all(events.map((event) => this.process(event, triggers.get(event.trigger_name))));
    return events.length === batchSize;
  }

  private async process(event: QueuedEvent, trigger: ResolvedEventTrigger | undefined): Promise<void> {
    try {
      if (!trigger) {
        await unlockEvents(this.deps.pool, [event.id], addSeconds(this.deps.clock.now(), MISSING_TRIGGER_RETRY_SECONDS));
        return;
      }
      await this.deliver(event, trigger);
    } catch (error) {
      if (error instanceof DeliveryAborted) {
        await unlockEvents(this.deps.pool, [event.id], null).catch(() => undefined);
        return;
      }
      this.deps.logger.error({ err: error, eventId: event.id, trigger: event.trigger_name }, 'event delivery could not be recorded');
    }
  }

  private async deliver(event: QueuedEvent, trigger: ResolvedEventTrigger): Promise<void> {
    const { pool, clock, logger, stop } = this.deps;
    const body = eventWebhookBody(event, trigger.numRetries);
    const outcome = await postWebhook(trigger.webhook, JSON.stringify(body), stop);
    const record = invocationRecord(body, trigger.webhook.loggedHeaders, outcome, EVENT_INVOCATION_VERSION);
    const result = isSuccess(outcome) ? 'delivered' : decideRetry(outcome, event.tries, trigger.numRetries, trigger.intervalSec, clock.now());
    await recordAttempt(pool, event, record, result);
    const details = { eventId: event.id, trigger: trigger.name, status: record.status, tries: event.tries + 1 };
    if (result === 'delivered') logger.debug(details, 'event delivered');
    else if (result.kind === 'retry') logger.warn({ ...details, retryAt: result.at }, 'event delivery failed; will retry');
    else logger.warn(details, 'event delivery failed; no retries left');
  }
}
