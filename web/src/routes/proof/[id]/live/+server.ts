import { error } from '@sveltejs/kit';
import { liveResponse } from '$lib/server/live/live-response.ts';
import { proofTopic } from '$lib/server/live/live-topics.ts';
import { isUuid } from '$lib/uuid.ts';
import type { RequestHandler } from './$types';

/** A proof viewer's stream, for customers and staff alike: decisions, comments, the trail, newer versions. */
export const GET: RequestHandler = (event) => {
  if (!isUuid(event.params.id)) error(404, 'We could not find that proof.');
  return liveResponse(event, [proofTopic(event.params.id.toLowerCase())]);
};
