import { formatUtc } from '../delivery/index.ts';
import type { QueuedEvent } from './event-queue.ts';

/** The JSON body Hasura POSTs for an event trigger event. */
export interface EventWebhookBody {
  event: {
    session_variables: Record<string, string> | null;
    op: string;
    data: { old: Record<string, unknown> | null; new: Record<string, unknown> | null };
    trace_context?: unknown;
  };
  created_at: string;
  id: string;
  delivery_info: { max_retries: number; current_retry: number };
  trigger: { name: string };
  table: { schema: string; name: string };
}

export function eventWebhookBody(event: QueuedEvent, maxRetries: number): EventWebhookBody {
  const { session_variables, op, data, trace_context } = event.payload;
  return {
    event: { session_variables, op, data, trace_context },
    created_at: formatUtc(event.created_at),
    id: event.id,
    delivery_info: { max_retries: maxRetries, current_retry: event.tries },
    trigger: { name: event.trigger_name },
    table: { schema: event.schema_name, name: event.table_name },
  };
}
