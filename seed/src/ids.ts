import { createHash } from 'node:crypto';

/** Namespace of every id the seed derives (a fixed random UUID, as RFC 9562 suggests). */
const SEED_NAMESPACE = '6b1f3c0e-8d2a-4f57-9c61-2e4d7a9b5f10';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

/**
 * A name-based UUID (version 5): the same name under the same namespace always gives the same id,
 * so seeded rows have stable ids across databases and runs, and distinct names never collide.
 */
export function uuidV5(name: string, namespace: string = SEED_NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The id of a tenant, from its slug. */
export function tenantIdFor(slug: string): string {
  return uuidV5(`tenant:${slug}`);
}

/** An id generator scoped to one tenant: `ids('order', 42)`. */
export function idsFor(tenantId: string): (kind: string, key: string | number) => string {
  return (kind, key) => uuidV5(`${kind}:${key}`, tenantId);
}
