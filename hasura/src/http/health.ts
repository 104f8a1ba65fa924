import type { Engine } from '../engine/index.ts';
import { jsonReply, textReply, type Reply } from './reply.ts';

export const ENGINE_VERSION = 'v2.36.1-dev-engine';
const DATABASE_CHECK_TIMEOUT_MS = 5_000;

async function databaseAnswers(engine: Engine): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_CHECK_TIMEOUT_MS);
  });
  const check = engine.pool.query('select 1').then(() => true, () => false);
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz` (and `/hasura/healthz`): `OK`; `WARN: inconsistent objects in schema` when the
 * metadata has inconsistencies (500 `ERROR: …` with `?strict=true`); 500 `ERROR` when the
 * database does not answer. Public, as in Hasura.
 */
export async function healthReply(engine: Engine, strict: boolean): Promise<Reply> {
  if (!(await databaseAnswers(engine))) return textReply(500, 'ERROR');
  if (engine.current.model.inconsistencies.length === 0) return textReply(200, 'OK');
  return strict ? textReply(500, 'ERROR: inconsistent objects in schema') : textReply(200, 'WARN: inconsistent objects in schema');
}

/** `GET /v1/version`. Public. */
export function versionReply(): Reply {
  return jsonReply(200, JSON.stringify({ version: ENGINE_VERSION, server_type: 'ce' }));
}
