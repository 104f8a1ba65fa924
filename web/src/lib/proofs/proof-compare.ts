import { isUuid } from '../uuid.ts';

/** The two versions a compare page shows: the route's proof and `?with=`, distinct canonical ids, or null. */
export function compareTarget(id: string, url: URL): [string, string] | null {
  const other = url.searchParams.get('with') ?? '';
  if (!isUuid(id) || !isUuid(other) || id.toLowerCase() === other.toLowerCase()) return null;
  return [id.toLowerCase(), other.toLowerCase()];
}
