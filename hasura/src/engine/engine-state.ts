import type pg from 'pg';
import { introspectCatalog } from '../catalog/index.ts';
import { isPostgresSource, type HasuraMetadata } from '@portal/hasura-metadata';
import {
  buildModel,
  checkEventingSupport,
  checkTopLevelSupport,
  loadEnumValues,
  resolveActions,
  type ActionsConfig,
  type EngineModel,
} from '../model/index.ts';
import { RoleSchemaCache } from '../schema/index.ts';
import { NO_CEILING, readApiLimits, type EngineCeiling, type OperationLimits } from '../limits/index.ts';

/**
 * Everything the engine serves from: the metadata document, the model built from it and the
 * database catalog, and the role schemas (built lazily). Replaced whole on reload so a request
 * always sees one consistent version.
 */
export interface EngineState {
  metadata: HasuraMetadata;
  model: EngineModel;
  actions: ActionsConfig;
  schemas: RoleSchemaCache;
  /** The metadata's `api_limits` and the engine's own ceiling, checked for every operation. */
  limits: OperationLimits;
}

export async function buildEngineState(metadata: HasuraMetadata, pool: pg.Pool, env: NodeJS.ProcessEnv = process.env, ceiling: EngineCeiling = NO_CEILING): Promise<EngineState> {
  checkTopLevelSupport(metadata);
  const limits = { api: readApiLimits(metadata), ceiling };
  checkEventingSupport(metadata);
  const source = metadata.sources.find(isPostgresSource);
  const catalog = await introspectCatalog(pool);
  const model = source
    ? buildModel(source, catalog)
    : { source: 'default', tables: new Map(), roles: new Set(['admin']), inconsistencies: [] };
  await loadEnumValues(pool, model);
  const actions = resolveActions(metadata, env, model.inconsistencies);
  return { metadata, model, actions, schemas: new RoleSchemaCache(model, actions), limits };
}
