import type { Engine } from '../engine/index.ts';
import { EngineError, errorBody } from '../errors/index.ts';
import { toApiError } from './api-error.ts';
import { MetadataChange } from './doc/metadata-change.ts';
import { bumpResourceVersion, checkResourceVersion } from './doc/resource-version.ts';
import { isApiPath, operationFor, type ApiPath } from './registry.ts';

interface Envelope {
  type: string;
  args: unknown;
  version?: number;
  resource_version?: unknown;
}

function envelope(step: unknown, path: string): Envelope {
  if (typeof step !== 'object' || step === null || Array.isArray(step)) throw new EngineError('parse-failed', 'expected an object with "type" and "args"', path);
  const { type, args, version, resource_version } = step as Record<string, unknown>;
  if (typeof type !== 'string') throw new EngineError('parse-failed', 'key "type" not found', path);
  return { type, args: args ?? {}, ...(typeof version === 'number' ? { version } : {}), resource_version };
}

async function runStep(apiPath: ApiPath, change: MetadataChange, step: unknown, path: string): Promise<unknown> {
  const { type, args, version } = envelope(step, path);
  const operation = operationFor(apiPath, type, `${path}.type`);
  const run = (nested: unknown, nestedPath: string) => runStep(apiPath, change, nested, nestedPath);
  return operation(args, { change, path, run, ...(version === undefined ? {} : { version }) });
}

/** One request at a time per engine: each edits a copy of the metadata that the next must see. */
const queues = new WeakMap<Engine, Promise<unknown>>();

function serialized<T>(engine: Engine, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(engine) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(engine, next.catch(() => undefined));
  return next;
}

/**
 * Hasura's `/v1/query`, `/v2/query` and `/v1/metadata` (the subset in registry.ts) over the
 * engine's in-memory metadata. The caller has already checked that the request is an admin's.
 * Every request is atomic for metadata: its steps edit a copy that replaces the engine's only
 * when all of them succeeded (SQL that `run_sql` committed stays committed, as in Hasura).
 * `path` is one of the three (any other answers 404), so the server can mount it as is.
 */
export async function handleMetadataApi(engine: Engine, path: ApiPath | (string & {}), body: unknown): Promise<{ status: number; body: unknown }> {
  try {
    if (!isApiPath(path)) throw new EngineError('not-found', `no such API: ${String(path)}`, '$', 404);
    return await serialized(engine, async () => {
      checkResourceVersion(engine, envelope(body, '$').resource_version);
      const change = new MetadataChange(engine);
      try {
        const result = await runStep(path, change, body, '$');
        if (await change.commit()) bumpResourceVersion(engine);
        return { status: 200, body: result };
      } catch (error) {
        // SQL that ran before the failing step stays committed (as in Hasura): re-read the catalog.
        if (change.catalogTouched) await engine.reload().catch(() => undefined);
        throw error;
      }
    });
  } catch (error) {
    const apiError = toApiError(error);
    return { status: apiError.status, body: errorBody(apiError) };
  }
}
