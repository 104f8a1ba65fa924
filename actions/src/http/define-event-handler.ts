import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';

/** One event of a Hasura event trigger, as the handler needs it (the row before and after). */
export interface TriggerEvent {
  /** Hasura's event id: the same on every redelivery, so handlers can be idempotent by it or by the row. */
  id: string;
  trigger: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE' | 'MANUAL';
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
  /** 0 on the first delivery; Hasura gives up after `maxRetries` (retry_conf.num_retries). */
  currentRetry: number;
  maxRetries: number;
}

/** A handler a Hasura event trigger calls: the trigger's name in the table's metadata, and its path under /events/. */
export interface EventHandler {
  trigger: string;
  path: string;
  /**
   * Handles one event; the answer is a small JSON summary. Throwing makes Hasura retry per the
   * trigger's retry_conf, so a handler throws only for failures a later try can fix.
   */
  handle(deps: AppDeps, event: TriggerEvent): Promise<Record<string, unknown>>;
}

const row = z.record(z.string(), z.unknown()).nullable();

/** The body Hasura POSTs to an event trigger's webhook (BEHAVIOUR.md, event triggers). */
const eventPayloadSchema = z.object({
  id: z.string().min(1),
  event: z.object({
    op: z.enum(['INSERT', 'UPDATE', 'DELETE', 'MANUAL']),
    data: z.object({ old: row, new: row }),
  }),
  delivery_info: z.object({ max_retries: z.number().int().min(0), current_retry: z.number().int().min(0) }),
  trigger: z.object({ name: z.string().min(1) }),
});

/** The event in a webhook body, or null when the body is not what Hasura sends. */
export function readTriggerEvent(body: unknown): TriggerEvent | null {
  const parsed = eventPayloadSchema.safeParse(body);
  if (!parsed.success) return null;
  const { id, event, delivery_info, trigger } = parsed.data;
  return {
    id,
    trigger: trigger.name,
    op: event.op,
    old: event.data.old,
    new: event.data.new,
    currentRetry: delivery_info.current_retry,
    maxRetries: delivery_info.max_retries,
  };
}
