import type { RequestHandler } from './$types';

/** Liveness: the process serves requests. It depends on nothing else, so a slow engine never restarts the web. */
export const GET: RequestHandler = () => new Response('OK', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
