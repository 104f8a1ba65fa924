import { introspectCatalog, type Catalog } from '../../catalog/index.ts';
import type { Engine } from '../../engine/index.ts';
import { isPostgresSource, type HasuraMetadata, type PostgresSourceMetadata } from '@portal/hasura-metadata';
import { buildModel, checkTopLevelSupport, type Inconsistency } from '../../model/index.ts';
import { EngineError } from '../../errors/index.ts';
import { toApiError } from '../api-error.ts';

const keyOf = (item: Inconsistency) => `${item.type} ${item.name}`;

/**
 * One metadata/query API request in progress: a private copy of the metadata document that the
 * steps edit, checked against the database catalog after each step, and handed to the engine only
 * when every step succeeded. A failing request therefore leaves the engine's metadata untouched.
 */
export class MetadataChange {
  doc: HasuraMetadata;
  private catalogCache: Catalog | null = null;
  private readonly baseline: Set<string>;
  private changed = false;
  private reloadNeeded = false;

  constructor(readonly engine: Engine) {
    this.doc = structuredClone(engine.metadata);
    this.baseline = new Set(engine.current.model.inconsistencies.map(keyOf));
  }

  /** The Postgres source named `name`; Hasura answers `not-exists` for an unknown one. */
  source(name = 'default'): PostgresSourceMetadata {
    const source = this.doc.sources.find((s) => s.name === name);
    if (!source) throw new EngineError('not-exists', `source with name "${name}" does not exist`);
    if (!isPostgresSource(source)) throw new EngineError('not-supported', `source "${name}" is not a Postgres source`);
    return source;
  }

  async catalog(): Promise<Catalog> {
    this.catalogCache ??= await introspectCatalog(this.engine.pool);
    return this.catalogCache;
  }

  /** After SQL ran: the catalog is re-read, and the engine reloads even if no metadata changed. */
  catalogChanged(catalog?: Catalog): void {
    this.catalogCache = catalog ?? null;
    this.reloadNeeded = true;
  }

  markChanged(): void {
    this.changed = true;
  }

  /** True once SQL changed the database: even a failed request must let the engine re-read it. */
  get catalogTouched(): boolean {
    return this.reloadNeeded;
  }

  /** Replaces the whole document (replace_metadata, clear_metadata). */
  replace(doc: HasuraMetadata): void {
    this.doc = doc;
    this.changed = true;
  }

  /** Every inconsistency of the current document over the catalog. */
  async inconsistencies(catalog?: Catalog): Promise<Inconsistency[]> {
    const source = this.doc.sources.find(isPostgresSource);
    if (!source) return [];
    try {
      checkTopLevelSupport(this.doc);
      return buildModel(source, catalog ?? (await this.catalog())).inconsistencies;
    } catch (error) {
      throw toApiError(error);
    }
  }

  /** Inconsistencies the current document has that the engine did not have. */
  async newInconsistencies(catalog?: Catalog): Promise<Inconsistency[]> {
    return (await this.inconsistencies(catalog)).filter((item) => !this.baseline.has(keyOf(item)));
  }

  /**
   * Fails like Hasura's `buildSchemaCacheFor` when the step made metadata inconsistent: with the
   * object's own reason when it is the one that broke, else a generic message listing them.
   */
  async check(created?: unknown): Promise<void> {
    const fresh = await this.newInconsistencies();
    if (fresh.length === 0) return;
    const own = fresh.filter((item) => created !== undefined && item.definition === created);
    if (own.length > 0) throw new EngineError('invalid-configuration', own.map((item) => item.reason).join(', '), '$', 400, { internal: own.map(inconsistentObject) });
    throw new EngineError('unexpected', 'cannot continue due to new inconsistent metadata', '$', 400, { internal: fresh.map(inconsistentObject) });
  }

  /** Hands the document to the engine when anything changed (it re-reads the catalog itself). */
  async commit(): Promise<boolean> {
    if (!this.changed && !this.reloadNeeded) return false;
    try {
      await this.engine.replaceMetadata(this.doc);
    } catch (error) {
      const known = toApiError(error);
      // What only the full build finds (an enum table without rows, …) is a configuration problem.
      throw known.code === 'unexpected' ? new EngineError('invalid-configuration', known.message) : known;
    }
    return this.changed;
  }
}

/** An inconsistency as Hasura lists it in `internal` and `get_inconsistent_metadata`. */
export function inconsistentObject(item: Inconsistency): Record<string, unknown> {
  return { definition: item.definition, name: item.name, reason: item.reason, type: item.type };
}
