import type { CronTriggerMetadata, HasuraMetadata } from '@portal/hasura-metadata';
import { checkCronTriggerSupport, cronTriggerOrigin } from '../model/index.ts';
import { fillUrlTemplate, loggedHeaders, resolveHeaders, type EventingInconsistency, type ResolvedWebhook } from '../delivery/index.ts';
import { CronSchedule } from './schedule.ts';

/** A cron trigger ready to schedule and deliver. */
export interface ResolvedCronTrigger {
  name: string;
  schedule: CronSchedule;
  /** Sent as `payload`; null when the metadata has none. */
  payload: unknown;
  comment: string | undefined;
  numRetries: number;
  retryIntervalSec: number;
  /** A run later than this after its scheduled time is not delivered (`dead`). */
  toleranceSec: number;
  webhook: ResolvedWebhook;
}

export interface CronTriggerPlan {
  triggers: ResolvedCronTrigger[];
  inconsistencies: EventingInconsistency[];
}

function resolveTrigger(trigger: CronTriggerMetadata, env: NodeJS.ProcessEnv): ResolvedCronTrigger {
  const retry = trigger.retry_conf ?? {};
  return {
    name: trigger.name,
    schedule: CronSchedule.parse(trigger.schedule),
    payload: trigger.payload ?? null,
    comment: trigger.comment,
    numRetries: retry.num_retries ?? 0,
    retryIntervalSec: retry.retry_interval_seconds ?? 10,
    toleranceSec: retry.tolerance_seconds ?? 21600,
    webhook: {
      url: fillUrlTemplate(trigger.webhook, env),
      headers: resolveHeaders(trigger.headers, env),
      loggedHeaders: loggedHeaders(trigger.headers),
      timeoutMs: (retry.timeout_seconds ?? 60) * 1000,
    },
  };
}

/**
 * The cron triggers of `cron_triggers.yaml` with Hasura's `retry_conf` defaults and their
 * environment resolved. Unsupported options throw; an invalid schedule, an unset variable or a
 * duplicate name leaves the trigger out and is reported.
 */
export function planCronTriggers(metadata: HasuraMetadata, env: NodeJS.ProcessEnv): CronTriggerPlan {
  const plan: CronTriggerPlan = { triggers: [], inconsistencies: [] };
  const seen = new Set<string>();
  for (const trigger of (metadata.cron_triggers ?? []) as CronTriggerMetadata[]) {
    checkCronTriggerSupport(trigger);
    try {
      if (seen.has(trigger.name)) throw new Error('another cron trigger has the same name');
      seen.add(trigger.name);
      plan.triggers.push(resolveTrigger(trigger, env));
    } catch (error) {
      const reason = `Inconsistent object: in ${cronTriggerOrigin(trigger)}: ${(error as Error).message}`;
      plan.inconsistencies.push({ type: 'cron_trigger', name: trigger.name, reason });
    }
  }
  return plan;
}
