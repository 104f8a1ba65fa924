import type pg from 'pg';
import { CRON_INVOCATION_VERSION, type DeliveryKind, type EventLogger } from '../delivery/index.ts';
import type { ResolvedCronTrigger } from './cron-config.ts';
import { generateCronEvents } from './cron-events.ts';
import { cronWebhookBody } from './cron-payload.ts';
import { lockDueCronEvents, recordCronAttempt, setCronEventStatus, type QueuedCronEvent } from './cron-queue.ts';

/**
 * Cron runs for the delivery loop: each poll first tops up every trigger's stored future runs,
 * then delivers the due ones one by one in scheduled order. A run later than its tolerance is
 * marked `dead` without a call.
 */
export function cronDelivery(pool: pg.Pool, logger: EventLogger): DeliveryKind<QueuedCronEvent, ResolvedCronTrigger> {
  return {
    noun: 'cron run',
    triggerField: 'cronTrigger',
    invocationVersion: CRON_INVOCATION_VERSION,
    inOrder: true,
    beforePoll: (triggers, now) => generateCronEvents(pool, triggers, now),
    lockDue: (triggerNames, now, limit) => lockDueCronEvents(pool, triggerNames, now, limit),
    body: cronWebhookBody,
    retryConf: (trigger) => ({ numRetries: trigger.numRetries, intervalSec: trigger.retryIntervalSec }),
    async settleWithoutAttempt(event, trigger, now) {
      const lateSeconds = (now.getTime() - event.scheduled_time.getTime()) / 1000;
      if (lateSeconds <= trigger.toleranceSec) return false;
      logger.warn({ cronTrigger: trigger.name, scheduledTime: event.scheduled_time }, 'cron run is later than its tolerance; marked dead');
      await setCronEventStatus(pool, [event.id], 'dead');
      return true;
    },
    recordAttempt: (event, record, result) => recordCronAttempt(pool, event, record, result),
    release: (events) => setCronEventStatus(pool, events.map((event) => event.id), 'scheduled'),
  };
}
