import { Client, fetchExchange, type CombinedError, type Exchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import type { AccessTokenSource } from '../session/request-session.ts';

export interface EngineClientOptions {
  /** The GraphQL endpoint, `<engine>/v1/graphql`. */
  url: string;
  /** Headers for every request, e.g. the browser's User-Agent and X-Forwarded-For (the action server logs them). */
  headers?: Record<string, string>;
  /** Signed-in requests; without it the engine treats the caller as `anonymous`. */
  session?: AccessTokenSource;
  fetch?: typeof fetch;
}

/** Hasura's code for an access token it could not verify, typically because it expired. */
export function isInvalidJwt(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.code === 'invalid-jwt');
}

/**
 * Adds `Authorization: Bearer <access token>`. Refreshes first when the token is about to expire;
 * when the engine answers `invalid-jwt`, refreshes and retries the operation once. urql's auth
 * exchange marks an operation once it has been through a refresh and never refreshes for it again,
 * so an operation sees at most one refresh and one retry.
 */
function sessionAuthExchange(session: AccessTokenSource): Exchange {
  return authExchange(async (utils) => {
    // Resolved when the request began (hooks.server.ts), so normally fresh; null when signed out.
    let token = session.currentAccessToken();
    let rejected: string | null = null;
    return {
      addAuthToOperation: (operation) => (token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation),
      willAuthError: () => token === null || session.expiresSoon(),
      didAuthError: (error) => {
        if (!isInvalidJwt(error)) return false;
        rejected = token;
        return true;
      },
      refreshAuth: async () => {
        const refused = rejected;
        rejected = null;
        token = refused ? await session.refreshAfterRejection(refused) : await session.accessToken();
      },
    };
  });
}

/**
 * A urql client for one server-side request. It has no cache on purpose: it lives for one request
 * and serves one user, and every answer is that user's own data.
 */
export function createEngineClient(options: EngineClientOptions): Client {
  const exchanges = options.session ? [sessionAuthExchange(options.session), fetchExchange] : [fetchExchange];
  return new Client({
    url: options.url,
    exchanges,
    fetch: options.fetch,
    fetchOptions: { headers: options.headers ?? {} },
    // Hasura's GET /v1/graphql is the persisted-query endpoint; every operation must be a POST.
    preferGetMethod: false,
    requestPolicy: 'network-only',
  });
}
