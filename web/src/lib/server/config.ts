import { z } from 'zod';

const tenantSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a tenant slug such as demo-printer');
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

/** Every environment variable the web server reads (documented in .env.example). */
const schema = z.object({
  PORTAL_ENGINE_URL: z.preprocess(blankAsUnset, z.url().default('http://127.0.0.1:8080')),
  PORTAL_WEB_TENANT: z.preprocess(blankAsUnset, tenantSlug.optional()),
  LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

export interface WebConfig {
  /** The GraphQL endpoint the server calls, e.g. http://127.0.0.1:8080/v1/graphql. */
  graphqlUrl: string;
  /** The same endpoint for subscriptions over websockets, e.g. ws://127.0.0.1:8080/v1/graphql. */
  websocketUrl: string;
  /** Portal (tenant) slug sent with sign-in and registration; unset lets the action server choose its default. */
  tenant: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
}

/** Parses the web server's settings once, failing with a message that names each bad variable. */
export function readWebConfig(env: Record<string, string | undefined>): WebConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid web configuration: ${problems.join('; ')}`);
  }
  const { PORTAL_ENGINE_URL, PORTAL_WEB_TENANT, LOG_LEVEL } = parsed.data;
  const graphqlUrl = new URL('/v1/graphql', PORTAL_ENGINE_URL);
  const websocketUrl = new URL(graphqlUrl);
  websocketUrl.protocol = graphqlUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  return { graphqlUrl: graphqlUrl.toString(), websocketUrl: websocketUrl.toString(), tenant: PORTAL_WEB_TENANT, logLevel: LOG_LEVEL };
}
