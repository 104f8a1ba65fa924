import { liveResponse } from '$lib/server/live/live-response.ts';
import { ORDERS_TOPIC } from '$lib/server/live/live-topics.ts';
import type { RequestHandler } from './$types';

/** The order list: any order of the company that is placed or changes. */
export const GET: RequestHandler = (event) => liveResponse(event, [ORDERS_TOPIC]);
