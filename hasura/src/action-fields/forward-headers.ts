/** Client headers Hasura never forwards to an action handler (plus every `x-hasura-*`). */
const NOT_FORWARDED = new Set([
  'content-length', 'content-md5', 'user-agent', 'host', 'origin', 'referer', 'accept', 'accept-encoding',
  'accept-language', 'accept-datetime', 'cache-control', 'connection', 'dnt', 'content-type',
]);

/** The request headers for a handler: forwarded client headers, then configured ones (which win). */
export function handlerHeaders(configured: Record<string, string>, client: Record<string, string>, forward: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  if (forward) {
    for (const [name, value] of Object.entries(client)) {
      const lower = name.toLowerCase();
      if (!NOT_FORWARDED.has(lower) && !lower.startsWith('x-hasura-')) headers[lower] = value;
    }
    if (client.host) headers['x-forwarded-host'] = client.host;
    if (client['user-agent']) headers['x-forwarded-user-agent'] = client['user-agent'];
  }
  return { ...headers, ...configured, 'content-type': 'application/json' };
}
