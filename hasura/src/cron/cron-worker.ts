import type pg from 'pg';
import { formatUtc, type Clock } from '../events/clock.ts';
import { CRON_INVOCATION_VERSION, decideRetry, invocationRecord } from '../events/invocation.ts';
import type { EventLogger } from '../events/logger.ts';
import { DeliveryAborted, isSuccess, postWebhook } from '../events/post-webhook.ts';
import type { ResolvedCronTrigger } from './cron-config.ts';
import { generateCronEvents } from './cron-events.ts';
import { lockDueCronEvents, recordCronAttempt, setCronEventStatus, type QueuedCronEvent } from './cron-queue.ts';

export interface CronWorkerDeps {
  pool: pg.Pool;
  clock: Clock;
  logger: EventLogger;
  batchSize: number;
  stop: AbortSignal;
  triggers(): ReadonlyMap<string, ResolvedCronTrigger>;
}

/** Hasura's cron webhook body: `comment` only when the trigger has one; no `created_at` for cron events. */
export function cronWebhookBody(event: QueuedCronEvent, trigger: ResolvedCronTrigger): Record<string, unknown> {
  const body: Record<string, unknown> = {
    scheduled_time: formatUtc(event.scheduled_time),
    payload: trigger.payload,
    name: trigger.name,
    id: event.id,
  };
  if (trigger.comment !== undefined) body.comment = trigger.comment;
  return body;
}

/**
 * Schedules and delivers cron runs: tops up each trigger's stored future runs, then delivers the
 * due ones in scheduled order. A run later than its tolerance is marked `dead` without a call.
 */
export class CronWorker {
  constructor(private readonly deps: CronWorkerDeps) {}

  async runOnce(): Promise<boolean> {
    const triggers = this.deps.triggers();
    if (triggers.size === 0) return false;
    const { pool, clock, batchSize, stop } = this.deps;
    await generateCronEvents(pool, [...triggers.values()], clock.now());
    const events = await lockDueCronEvents(pool, [...triggers.keys()], clock.now(), batchSize);
    for (const [index, event] of events.entries()) {
      if (stop.aborted) {
        await setCronEventStatus(pool, events.slice(index).map((e) => e.id), 'scheduled');
        break;
      }
      await this.process(event, triggers.get(event.trigger_name));
    }
    return events.length === batchSize;
  }

  private async process(event: QueuedCronEvent, trigger: ResolvedCronTrigger | undefined): Promise<void> {
    const { pool, clock, logger } = this.deps;
    try {
      if (!trigger) return await setCronEventStatus(pool, [event.id], 'scheduled');
      const lateSeconds = (clock.now().getTime() - event.scheduled_time.getTime()) / 1000;
      if (lateSeconds > trigger.toleranceSec) {
        logger.warn({ cronTrigger: trigger.name, scheduledTime: event.scheduled_time }, 'cron run is later than its tolerance; marked dead');
        return await setCronEventStatus(pool, [event.id], 'dead');
      }
      await this.deliver(event, trigger);
    } catch (error) {
      if (error instanceof DeliveryAborted) return await setCronEventStatus(pool, [event.id], 'scheduled').catch(() => undefined);
      logger.error({ err: error, eventId: event.id, cronTrigger: event.trigger_name }, 'cron delivery could not be recorded');
    }
  }

  private async deliver(event: QueuedCronEvent, trigger: ResolvedCronTrigger): Promise<void> {
    const { pool, clock, logger, stop } = this.deps;
    const body = cronWebhookBody(event, trigger);
    const outcome = await postWebhook(trigger.webhook, JSON.stringify(body), stop);
    const record = invocationRecord(body, trigger.webhook.loggedHeaders, outcome, CRON_INVOCATION_VERSION);
    const result = isSuccess(outcome) ? 'delivered' : decideRetry(outcome, event.tries, trigger.numRetries, trigger.retryIntervalSec, clock.now());
    await recordCronAttempt(pool, event, record, result);
    const details = { eventId: event.id, cronTrigger: trigger.name, status: record.status, tries: event.tries + 1 };
    if (result === 'delivered') logger.debug(details, 'cron run delivered');
    else logger.warn({ ...details, retryAt: result.kind === 'retry' ? result.at : null }, 'cron run delivery failed');
  }
}
