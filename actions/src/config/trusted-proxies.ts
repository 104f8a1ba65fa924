import { BlockList, isIP } from 'node:net';

/**
 * The proxies whose X-Forwarded-For entries are believed, from ACTIONS_TRUSTED_PROXIES: addresses
 * or CIDR ranges, e.g. `127.0.0.1, 10.0.0.0/8, ::1`. Throws on an entry that is neither.
 */
export function trustedProxyList(setting: string): BlockList {
  const entries = setting.split(',').map((entry) => entry.trim()).filter(Boolean);
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address!, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`"${entry}" has no valid prefix length`);
      list.addSubnet(address!, prefix, type);
    }
  }
  return list;
}

