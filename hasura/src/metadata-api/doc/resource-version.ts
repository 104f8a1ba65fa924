import type { Engine } from '../../engine/index.ts';
import { EngineError } from '../../errors/index.ts';

/**
 * Hasura's `resource_version`: a counter bumped by every metadata change, so a client can refuse
 * to overwrite a change it has not seen. Kept per engine, in memory (the dev engine keeps its
 * metadata in memory too).
 */
const versions = new WeakMap<Engine, number>();

export function resourceVersion(engine: Engine): number {
  return versions.get(engine) ?? 1;
}

export function bumpResourceVersion(engine: Engine): void {
  versions.set(engine, resourceVersion(engine) + 1);
}

export function checkResourceVersion(engine: Engine, given: unknown): void {
  if (given === undefined || given === null) return;
  if (given !== resourceVersion(engine)) {
    throw new EngineError('conflict', `metadata resource version referenced (${String(given)}) did not match current version`, '$', 409);
  }
}
