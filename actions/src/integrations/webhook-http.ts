import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { addressKind, mayConnect } from './network-address.ts';

/** The error code of a connection refused because the host resolved to a local or private address. */
export const BLOCKED_ADDRESS = 'PORTAL_BLOCKED_ADDRESS';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for the socket that refuses local and private addresses, so a public host name
 * that resolves to the printer's own network (or is re-pointed there later) is never reached.
 * Checking the addresses the socket actually connects to leaves no gap between check and use.
 */
function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked = addresses.some((entry) => {
        const kind = addressKind(entry.address);
        return kind === null || !mayConnect(kind, allowLoopback);
      });
      if (blocked) return callback(Object.assign(new Error(`${hostname} resolves to a local or private address`), { code: BLOCKED_ADDRESS }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowLoopback: boolean;
}

/**
 * POSTs a body and answers the response's status; redirects are not followed and the response's
 * body is drained unread. Connection errors, the timeout (AbortError) and a blocked address reject.
 */
export function postWebhook(url: string, options: PostOptions): Promise<number> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  // A literal address never goes through the lookup, so it is checked here.
  const literal = addressKind(target.hostname);
  if (literal !== null && !mayConnect(literal, options.allowLoopback)) {
    return Promise.reject(Object.assign(new Error('the address is local or private'), { code: BLOCKED_ADDRESS }));
  }
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        lookup: guardedLookup(options.allowLoopback) as never,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
