import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getAppDeps } from '../app-deps.ts';
import { SessionEndedError } from '../session/session-types.ts';
import { liveEventStream } from './event-stream.ts';
import type { LiveTopic } from './live-topics.ts';

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * A live page's event stream for the signed-in user. The access token is used here, on the
 * server, to open the engine's subscription; the browser receives only what changed and when.
 * Signed out (or the session just ended), the answer is 401, which EventSource does not retry.
 */
export async function liveResponse(event: RequestEvent, topics: LiveTopic[]): Promise<Response> {
  const { session, logger } = event.locals;
  let accessToken: string;
  try {
    accessToken = await session.accessToken();
  } catch (caught) {
    if (caught instanceof SessionEndedError) return plain(401, 'Sign in to follow live updates.');
    throw caught;
  }
  const stream = liveEventStream({
    websocketUrl: getAppDeps(env).config.websocketUrl,
    accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt ?? Date.now(),
    topics,
    signal: event.request.signal,
    logger,
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx buffers proxied answers unless told otherwise, which would hold every event back.
      'x-accel-buffering': 'no',
    },
  });
}
