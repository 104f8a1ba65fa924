import { isIP } from 'node:net';

/** Where an IP address points: this machine, a private or special network, or the public internet. */
export type AddressKind = 'loopback' | 'private' | 'public';

function ipv4Kind(address: string): AddressKind {
  const [a, b] = address.split('.').map(Number) as [number, number];
  if (a === 127) return 'loopback';
  const special =
    a === 0 || a === 10 || a >= 224 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  return special ? 'private' : 'public';
}

function ipv6Kind(address: string): AddressKind {
  const lower = address.toLowerCase();
  if (lower === '::1') return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Kind(mapped[1]!);
  // Unspecified, IPv4-mapped in hex, unique local (fc00::/7), link-local (fe80::/10), multicast.
  if (lower === '::' || lower.startsWith('::ffff:') || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff')) return 'private';
  return 'public';
}

/** The kind of a literal IP address (brackets allowed, as URLs write IPv6); null for a host name. */
export function addressKind(host: string): AddressKind | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const family = isIP(bare);
  if (family === 4) return ipv4Kind(bare);
  if (family === 6) return ipv6Kind(bare);
  return null;
}

/** Whether a webhook may connect to an address: public always, loopback only when the policy allows. */
export function mayConnect(kind: AddressKind, allowLoopback: boolean): boolean {
  return kind === 'public' || (kind === 'loopback' && allowLoopback);
}
