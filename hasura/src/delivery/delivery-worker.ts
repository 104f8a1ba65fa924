import type { Clock } from './clock.ts';
import { decideRetry, invocationRecord, type InvocationRecord, type RetryDecision } from './invocation.ts';
import type { EventLogger } from './logger.ts';
import { DeliveryAborted, isSuccess, postWebhook } from './post-webhook.ts';
import type { ResolvedWebhook } from './webhook-config.ts';

/** A queued row to deliver (an event-trigger event, a cron run), locked for this engine. */
export interface QueuedDelivery {
  id: string;
  trigger_name: string;
  /** Attempts recorded before this one. */
  tries: number;
}

/** A trigger whose rows are delivered: where to, and with which retry rule. */
export interface DeliveryTrigger {
  name: string;
  webhook: ResolvedWebhook;
}

/** What differs between event triggers and cron triggers: their queue, payload and retry settings. */
export interface DeliveryKind<Row extends QueuedDelivery, Trigger extends DeliveryTrigger> {
  /** How log lines name a row (`event`, `cron run`) and the field naming its trigger (`trigger`, `cronTrigger`). */
  noun: string;
  triggerField: string;
  /** Hasura's `version` in the invocation log ("2" for events, "1" for cron runs). */
  invocationVersion: string;
  /** Deliver a batch one row at a time in queue order (cron runs) rather than all at once (events). */
  inOrder: boolean;
  /** Work at the start of every poll (cron: top up the stored future runs). */
  beforePoll?(triggers: Trigger[], now: Date): Promise<void>;
  /** Locks and returns up to `limit` rows due at `now` for these triggers. */
  lockDue(triggerNames: string[], now: Date, limit: number): Promise<Row[]>;
  /** The JSON body Hasura POSTs for this row. */
  body(row: Row, trigger: Trigger): unknown;
  retryConf(trigger: Trigger): { numRetries: number; intervalSec: number };
  /** Settles a row that must not be attempted (a cron run past its tolerance); true when it did. */
  settleWithoutAttempt?(row: Row, trigger: Trigger, now: Date): Promise<boolean>;
  /** Logs the attempt and moves the row on: delivered, retried later, or given up. */
  recordAttempt(row: Row, record: InvocationRecord, result: 'delivered' | RetryDecision): Promise<void>;
  /** Hands rows back unattempted: their trigger is gone from the metadata, or processing is stopping. */
  release(rows: Row[], reason: 'trigger-missing' | 'stopping', now: Date): Promise<void>;
}

export interface DeliveryWorkerDeps<Row extends QueuedDelivery, Trigger extends DeliveryTrigger> {
  kind: DeliveryKind<Row, Trigger>;
  clock: Clock;
  logger: EventLogger;
  batchSize: number;
  /** Aborted when event processing stops: in-flight deliveries are abandoned and their rows handed back. */
  stop: AbortSignal;
  /** The deliverable triggers of the metadata version currently served. */
  triggers(): ReadonlyMap<string, Trigger>;
}

/**
 * The deliver/retry loop event and cron triggers share: locks a batch of due rows, POSTs each to
 * its webhook and records every attempt with Hasura's retry rule. At least once: a row leaves the
 * queue only when an attempt is recorded as delivered or as the last one.
 */
export class DeliveryWorker<Row extends QueuedDelivery, Trigger extends DeliveryTrigger> {
  constructor(private readonly deps: DeliveryWorkerDeps<Row, Trigger>) {}

  /** One poll; true when the batch was full and more rows are probably waiting. */
  async runOnce(): Promise<boolean> {
    const triggers = this.deps.triggers();
    if (triggers.size === 0) return false;
    const { kind, clock, batchSize, stop } = this.deps;
    await kind.beforePoll?.([...triggers.values()], clock.now());
    const rows = await kind.lockDue([...triggers.keys()], clock.now(), batchSize);
    if (!kind.inOrder) {
      await Promise.all(rows.map((row) => this.process(row, triggers.get(row.trigger_name))));
      return rows.length === batchSize;
    }
    for (const [index, row] of rows.entries()) {
      if (stop.aborted) {
        await kind.release(rows.slice(index), 'stopping', clock.now());
        break;
      }
      await this.process(row, triggers.get(row.trigger_name));
    }
    return rows.length === batchSize;
  }

  private async process(row: Row, trigger: Trigger | undefined): Promise<void> {
    const { kind, clock, logger } = this.deps;
    try {
      if (!trigger) return await kind.release([row], 'trigger-missing', clock.now());
      if (await kind.settleWithoutAttempt?.(row, trigger, clock.now())) return;
      await this.deliver(row, trigger);
    } catch (error) {
      if (error instanceof DeliveryAborted) {
        // Stopping: the row stays locked if this fails, and is picked up again once its lock times out.
        return await kind.release([row], 'stopping', clock.now()).catch((releaseError: unknown) => {
          logger.warn({ err: releaseError, eventId: row.id }, `${kind.noun} could not be released while stopping`);
        });
      }
      logger.error({ err: error, eventId: row.id, [kind.triggerField]: row.trigger_name }, `${kind.noun} delivery could not be recorded`);
    }
  }

  private async deliver(row: Row, trigger: Trigger): Promise<void> {
    const { kind, clock, logger, stop } = this.deps;
    const body = kind.body(row, trigger);
    const outcome = await postWebhook(trigger.webhook, JSON.stringify(body), stop);
    const record = invocationRecord(body, trigger.webhook.loggedHeaders, outcome, kind.invocationVersion);
    const { numRetries, intervalSec } = kind.retryConf(trigger);
    const result = isSuccess(outcome) ? 'delivered' : decideRetry(outcome, row.tries, numRetries, intervalSec, clock.now());
    await kind.recordAttempt(row, record, result);
    const details = { eventId: row.id, [kind.triggerField]: trigger.name, status: record.status, tries: row.tries + 1 };
    if (result === 'delivered') logger.debug(details, `${kind.noun} delivered`);
    else if (result.kind === 'retry') logger.warn({ ...details, retryAt: result.at }, `${kind.noun} delivery failed; will retry`);
    else logger.warn(details, `${kind.noun} delivery failed; no retries left`);
  }
}
