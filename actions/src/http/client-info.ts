import { isIP } from 'node:net';
import type { Request } from 'express';

export interface ClientInfo {
  /** The end user's address: the TCP peer, or from X-Forwarded-For when proxies are trusted. */
  ip: string | null;
  userAgent: string | null;
}

function normalize(address: string | undefined): string | null {
  if (!address) return null;
  const plain = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(plain) ? plain : null;
}

/**
 * Hasura calls the action server, so the TCP peer is the engine. With `forward_client_headers`
 * the client's X-Forwarded-For reaches us; it is trusted only for the configured number of proxy
 * hops (each trusted proxy appends the address it saw), because a client can write anything to the
 * left of those.
 */
export function clientInfo(req: Request, trustedProxyHops: number): ClientInfo {
  let ip = normalize(req.socket.remoteAddress);
  if (trustedProxyHops > 0) {
    const header = req.get('x-forwarded-for');
    const hops = header ? header.split(',').map((part) => part.trim()).filter(Boolean) : [];
    const candidate = hops[Math.max(0, hops.length - trustedProxyHops)];
    ip = normalize(candidate) ?? ip;
  }
  // Hasura replaces the client's User-Agent with its own and forwards the original under this name.
  const agent = req.get('x-forwarded-user-agent') ?? null;
  return { ip, userAgent: agent ? agent.slice(0, 512) : null };
}
