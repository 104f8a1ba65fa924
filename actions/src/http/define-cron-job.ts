import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';

/** A job a Hasura cron trigger runs: the trigger's name in cron_triggers.yaml, and its path under /cron/. */
export interface CronJob {
  trigger: string;
  path: string;
  /** Runs the job at `now` (the server's clock, not the scheduled time: a late run still does today's work). */
  run(deps: AppDeps, now: Date): Promise<Record<string, unknown>>;
}

/** The body Hasura POSTs to a cron trigger's webhook: `{scheduled_time, payload, name, id, comment?}`. */
const cronPayloadSchema = z.object({
  name: z.string().min(1),
  scheduled_time: z.string(),
  id: z.string(),
  payload: z.unknown(),
  comment: z.string().nullish(),
});

/** The trigger name of a cron call, or null when the body is not what Hasura sends. */
export function readCronTrigger(body: unknown): string | null {
  const parsed = cronPayloadSchema.safeParse(body);
  return parsed.success ? parsed.data.name : null;
}
