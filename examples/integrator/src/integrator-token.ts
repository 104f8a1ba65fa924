/** An access token for the engine, from the portal's `integratorToken` action. */
export interface IntegratorToken {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** The key was refused: retrying cannot help, a person must issue a new one. */
export class KeyRefusedError extends Error {}

const EXCHANGE = `mutation IntegratorToken($apiKey: String!) {
  integratorToken(apiKey: $apiKey) { accessToken expiresAt }
}`;

interface GraphQLAnswer {
  data?: { integratorToken: { accessToken: string; expiresAt: string } } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Codes meaning the request itself was wrong (the key), not that the portal is unavailable. */
const REFUSALS = new Set(['INVALID_API_KEY', 'VALIDATION_FAILED']);

/**
 * Exchanges the API key for a short-lived access token over HTTPS. The key is sent only here,
 * never over the websocket; the token is what authenticates the stream.
 */
export async function fetchIntegratorToken(graphqlUrl: string, apiKey: string, fetchImpl: typeof fetch = fetch): Promise<IntegratorToken> {
  const response = await fetchImpl(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: EXCHANGE, variables: { apiKey } }),
  });
  if (!response.ok) throw new Error(`the portal answered HTTP ${response.status} to integratorToken`);
  const answer = (await response.json()) as GraphQLAnswer;
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? '';
    if (REFUSALS.has(code)) throw new KeyRefusedError(`the API key was refused: ${error.message}`);
    throw new Error(`integratorToken failed: ${error.message}`);
  }
  const token = answer.data?.integratorToken;
  if (!token) throw new Error('integratorToken answered without a token');
  return { accessToken: token.accessToken, expiresAt: Date.parse(token.expiresAt) };
}
