import { isIP, type BlockList } from 'node:net';
import type { Request } from 'express';

export interface ClientInfo {
  /** The end user's address: the TCP peer, or from X-Forwarded-For as far as trusted proxies vouch for it. */
  ip: string | null;
  userAgent: string | null;
}

function normalize(address: string | undefined): string | null {
  if (!address) return null;
  const plain = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(plain) ? plain : null;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address as the chain of proxies reports it. Each proxy appends the address it saw
 * to X-Forwarded-For (the web server does, nginx does, and the dev engine does in place of the
 * proxy in front of Hasura, which itself forwards the header unchanged). Reading from the right,
 * starting at the TCP peer, every trusted hop vouches for the entry left of it; the first
 * untrusted address is the client. What a client writes further left is never believed.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string | null {
  let current = normalize(peer);
  if (!current) return null;
  const hops = (forwardedFor ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  while (isTrusted(trusted, current) && hops.length > 0) {
    const next = normalize(hops.pop());
    if (!next) break;
    current = next;
  }
  return current;
}

export function clientInfo(req: Request, trusted: BlockList): ClientInfo {
  const ip = clientAddress(req.socket.remoteAddress, req.get('x-forwarded-for'), trusted);
  // Hasura replaces the client's User-Agent with its own and forwards the original under this name.
  const agent = req.get('x-forwarded-user-agent') ?? null;
  return { ip, userAgent: agent ? agent.slice(0, 512) : null };
}
