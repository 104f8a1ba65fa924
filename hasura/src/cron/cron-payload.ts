import { formatUtc } from '../delivery/index.ts';
import type { ResolvedCronTrigger } from './cron-config.ts';
import type { QueuedCronEvent } from './cron-queue.ts';

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
