import type pg from 'pg';
import type { HasuraMetadata } from '@portal/hasura-metadata';
import { NO_CEILING, type EngineCeiling } from '../limits/index.ts';
import { buildEngineState, type EngineState } from './engine-state.ts';
import { executeGraphQL, type RequestSession } from './execute-graphql.ts';
import type { GraphQLRequest } from './graphql-request.ts';

/**
 * The running engine: one database pool and the current state. Metadata changes (reload, the
 * metadata and query APIs) build a complete new state first and swap it in only when it is
 * consistent, so a failed change leaves the engine serving the previous version.
 */
export class Engine {
  private readonly metadataListeners = new Set<() => void>();

  private constructor(
    private state: EngineState,
    readonly pool: pg.Pool,
    /** Where actions' `{{ENV}}` URLs and `value_from_env` headers are read from. */
    private readonly env: NodeJS.ProcessEnv,
    private readonly ceiling: EngineCeiling,
  ) {}

  /** `ceiling` is the engine's own limit on every operation besides the metadata's `api_limits` (none by default). */
  static async start(metadata: HasuraMetadata, pool: pg.Pool, env: NodeJS.ProcessEnv = process.env, ceiling: EngineCeiling = NO_CEILING): Promise<Engine> {
    return new Engine(await buildEngineState(metadata, pool, env, ceiling), pool, env, ceiling);
  }

  get current(): EngineState {
    return this.state;
  }

  get metadata(): HasuraMetadata {
    return this.state.metadata;
  }

  /** Serves `metadata` from now on (after re-reading the database catalog). */
  async replaceMetadata(metadata: HasuraMetadata): Promise<void> {
    this.state = await buildEngineState(metadata, this.pool, this.env, this.ceiling);
    for (const listener of this.metadataListeners) listener();
  }

  /**
   * Calls `listener` after every metadata change (reload included), as Hasura closes its
   * websockets then; returns the function that removes it.
   */
  onMetadataChange(listener: () => void): () => void {
    this.metadataListeners.add(listener);
    return () => this.metadataListeners.delete(listener);
  }

  /** Re-reads the database catalog (after DDL) with the same metadata. */
  async reload(): Promise<void> {
    await this.replaceMetadata(this.state.metadata);
  }

  /** Runs a GraphQL request; `clientHeaders` are what actions with `forward_client_headers` receive. */
  execute(session: RequestSession, request: GraphQLRequest, clientHeaders: Record<string, string> = {}): Promise<string> {
    return executeGraphQL(this.state, this.pool, session, request, clientHeaders);
  }
}
