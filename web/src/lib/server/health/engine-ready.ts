/** How long readiness waits for the engine: a probe must answer well inside its own timeout. */
const ENGINE_TIMEOUT_MS = 2_000;

/**
 * Whether the GraphQL engine this web server calls answers its health check. Without it no page
 * that reads data can render, so a load balancer should send requests to another replica.
 */
export async function engineReady(graphqlUrl: string, fetcher: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetcher(new URL('/healthz', graphqlUrl), { signal: AbortSignal.timeout(ENGINE_TIMEOUT_MS) });
    return response.ok;
  } catch {
    return false;
  }
}
