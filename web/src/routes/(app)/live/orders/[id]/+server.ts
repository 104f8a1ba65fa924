import { error } from '@sveltejs/kit';
import { liveResponse } from '$lib/server/live/live-response.ts';
import { orderTopic } from '$lib/server/live/live-topics.ts';
import { isUuid } from '$lib/uuid.ts';
import type { RequestHandler } from './$types';

/** One order's page: its status, tracking, dates and proofs. Another company's order never changes (the engine's row filter). */
export const GET: RequestHandler = (event) => {
  if (!isUuid(event.params.id)) error(404, 'We could not find that order.');
  return liveResponse(event, [orderTopic(event.params.id.toLowerCase())]);
};
