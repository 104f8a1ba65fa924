import { json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getAppDeps } from '$lib/server/app-deps.ts';
import { engineReady } from '$lib/server/health/engine-ready.ts';
import type { RequestHandler } from './$types';

/** Readiness: 200 while the engine answers, 503 otherwise; the web depends on nothing else. */
export const GET: RequestHandler = async () => {
  const engine = await engineReady(getAppDeps(env).config.graphqlUrl);
  return json({ status: engine ? 'ready' : 'unavailable', engine: engine ? 'ok' : 'unreachable' }, { status: engine ? 200 : 503 });
};
