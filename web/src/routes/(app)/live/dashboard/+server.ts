import { liveResponse } from '$lib/server/live/live-response.ts';
import { ORDERS_TOPIC, PROOFS_TOPIC, QUOTES_TOPIC } from '$lib/server/live/live-topics.ts';
import type { RequestHandler } from './$types';

/** The dashboard's counts and recent orders: orders, quotes and proofs of the user's company. */
export const GET: RequestHandler = (event) => liveResponse(event, [ORDERS_TOPIC, QUOTES_TOPIC, PROOFS_TOPIC]);
