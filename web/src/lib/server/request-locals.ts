import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import type { AppDeps } from './app-deps.ts';
import { tokenApi } from './auth/token-api.ts';
import { ApiError } from './engine/api-error.ts';
import { createEngineClient } from './engine/engine-client.ts';
import { engineApi, type EngineApi } from './engine/run-operation.ts';
import { refreshCookieName, refreshCookieOptions } from './session/refresh-cookie.ts';
import { RequestSession } from './session/request-session.ts';
import { SessionEndedError, type IssuedSession, type SessionUser } from './session/session-types.ts';

/**
 * The signed-in operations of one request. `query` is for loads: an API failure becomes an error
 * page with a human message. `mutate` is for form actions: it throws ApiError for the action to
 * show next to the form. Both send the browser to sign-in when the session is over.
 */
export interface RequestApi {
  query<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data>;
  mutate<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data>;
}

/** Where to go to sign in, coming back here afterwards. */
export function signInPath(url: URL): string {
  const back = url.pathname + url.search;
  return back === '/' ? '/sign-in' : `/sign-in?redirectTo=${encodeURIComponent(back)}`;
}

/** The signed-in user, or a redirect to sign-in (for loads and actions that need the user's id). */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
  const user = locals.session.user;
  if (!user) redirect(303, signInPath(url));
  return user;
}

/** The browser's facts the action server records with sessions and uses for throttling. */
function forwardedHeaders(event: RequestEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  const agent = event.request.headers.get('user-agent');
  if (agent) headers['user-agent'] = agent;
  let address: string | undefined;
  try {
    address = event.getClientAddress();
  } catch {
    address = undefined;
  }
  const chain = [event.request.headers.get('x-forwarded-for'), address].filter(Boolean).join(', ');
  if (chain) headers['x-forwarded-for'] = chain;
  return headers;
}

function requestApi(event: RequestEvent, session: RequestSession, signedIn: EngineApi, deps: AppDeps): RequestApi {
  const ended = async (): Promise<never> => {
    await session.signOut().catch(() => undefined);
    redirect(303, signInPath(event.url));
  };
  return {
    async query(document, variables) {
      try {
        return await signedIn.query(document, variables);
      } catch (caught) {
        if (caught instanceof SessionEndedError) return ended();
        if (caught instanceof ApiError) {
          deps.logger.warn({ route: event.route.id, code: caught.code, detail: caught.detail }, 'GraphQL query failed');
          error(caught.code === 'NETWORK' ? 503 : 502, { message: caught.message, code: caught.code });
        }
        throw caught;
      }
    },
    async mutate(document, variables) {
      try {
        return await signedIn.mutate(document, variables);
      } catch (caught) {
        if (caught instanceof SessionEndedError) return ended();
        if (caught instanceof ApiError) deps.logger.info({ route: event.route.id, code: caught.code, detail: caught.detail }, 'GraphQL mutation refused');
        throw caught;
      }
    },
  };
}

/**
 * Resolves the session once per request from the refresh-token cookie (refreshing the access
 * token in memory when due) and puts the session and the API clients into `event.locals`.
 */
export async function resolveLocals(event: RequestEvent, deps: AppDeps): Promise<void> {
  const headers = forwardedHeaders(event);
  const anonymous = engineApi(createEngineClient({ url: deps.config.graphqlUrl, headers }));
  const cookieName = refreshCookieName(event.url);
  const onChange = (next: IssuedSession | null) => {
    if (next) event.cookies.set(cookieName, next.refreshToken, refreshCookieOptions(event.url, next.refreshTokenExpiresAt));
    else event.cookies.delete(cookieName, refreshCookieOptions(event.url));
  };
  const tokens = tokenApi(anonymous);
  let session: RequestSession;
  try {
    session = await RequestSession.open(deps.sessions, tokens, event.cookies.get(cookieName), onChange);
  } catch (caught) {
    if (!(caught instanceof ApiError)) throw caught;
    // The engine is unreachable: carry on signed out for this request but keep the cookie for the next.
    deps.logger.warn({ code: caught.code, detail: caught.detail }, 'could not refresh the session');
    session = await RequestSession.open(deps.sessions, tokens, undefined, onChange);
  }
  const signedIn = engineApi(createEngineClient({ url: deps.config.graphqlUrl, headers, session }));
  event.locals.session = session;
  event.locals.api = requestApi(event, session, signedIn, deps);
  event.locals.anonymousApi = anonymous;
  event.locals.tenant = deps.config.tenant;
  event.locals.logger = deps.logger;
}
