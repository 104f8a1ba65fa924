import { error } from '@sveltejs/kit';
import { liveResponse } from '$lib/server/live/live-response.ts';
import { proofTopic } from '$lib/server/live/live-topics.ts';
import { isUuid } from '$lib/uuid.ts';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** A proof viewer's stream, for customers and staff alike: decisions, comments, the trail, newer versions. */
export const GET: RequestHandler = (event) => {
  if (!isUuid(event.params.id)) error(404, m.proofs_not_found_short());
  return liveResponse(event, [proofTopic(event.params.id.toLowerCase())]);
};
