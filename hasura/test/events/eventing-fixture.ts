import { afterEach, vi } from 'vitest';
import { stringify } from 'yaml';
import { Engine } from '../../src/engine/index.ts';
import { startEventProcessing, type Clock, type EventLogger, type EventProcessing } from '../../src/events/index.ts';
import { loadMetadata, type CronTriggerMetadata, type EventTriggerMetadata, type HasuraMetadata } from '@portal/hasura-metadata';
import { quoteIdentifier } from '@portal/common/postgres';
import { MINIMAL_METADATA, scratchDirectory, writeFiles, type TestDatabase } from '@portal/test-support';

/** A clock the test moves: retry and cron times are exact, and nothing waits on real time. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }

  set(instant: Date): void {
    this.current = new Date(instant);
  }
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  details: object;
  message?: string;
}

export interface CollectingLogger extends EventLogger {
  entries: LogEntry[];
  /** Set by a test that provokes errors on purpose; otherwise a logged error fails the test. */
  errorsExpected: boolean;
}

const loggers: CollectingLogger[] = [];

export function collectingLogger(): CollectingLogger {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (details: object, message?: string) => void entries.push({ level, details, message });
  const logger = { entries, errorsExpected: false, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  loggers.push(logger);
  return logger;
}

export interface TableWithTriggers {
  table: string;
  event_triggers?: EventTriggerMetadata[];
}

/**
 * Metadata in Hasura's on-disk format (one YAML file per table, `cron_triggers.yaml`), read and
 * validated against Hasura's schema by the project's own loader.
 */
export function metadataOnDisk(tables: TableWithTriggers[], cronTriggers: CronTriggerMetadata[] = []): HasuraMetadata {
  const files: Record<string, string> = { ...MINIMAL_METADATA };
  files['databases/default/tables/tables.yaml'] = stringify(tables.map(({ table }) => `!include public_${table}.yaml`));
  for (const { table, event_triggers } of tables) {
    files[`databases/default/tables/public_${table}.yaml`] = stringify({ table: { name: table, schema: 'public' }, ...(event_triggers ? { event_triggers } : {}) });
  }
  if (cronTriggers.length > 0) files['cron_triggers.yaml'] = stringify(cronTriggers);
  const dir = scratchDirectory();
  writeFiles(dir, files);
  return loadMetadata(dir);
}

/** A small table the tests write to: `id`, `label`, `weight`, `note`. */
export async function createParcelTable(db: TestDatabase, name: string): Promise<void> {
  await db.pool.query(`create table ${quoteIdentifier('public')}.${quoteIdentifier(name)} (
    id integer primary key, label text, weight integer, note text)`);
}

export interface Eventing {
  engine: Engine;
  processing: EventProcessing;
}

const started: EventProcessing[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((processing) => processing.stop()));
  const errors = loggers.splice(0).filter((logger) => !logger.errorsExpected).flatMap((logger) => logger.entries.filter((e) => e.level === 'error'));
  if (errors.length > 0) throw new Error(`event processing logged errors: ${JSON.stringify(errors)}`);
});

/** An engine serving `metadata` with event processing running; stopped after the test. */
export async function startEventing(
  db: TestDatabase,
  metadata: HasuraMetadata,
  options: { clock: Clock; logger: EventLogger; env?: NodeJS.ProcessEnv },
): Promise<Eventing> {
  const engine = await Engine.start(metadata, db.pool);
  const processing = await startEventProcessing(engine, { ...options, pollIntervalMs: 20 });
  started.push(processing);
  return { engine, processing };
}

/** Waits until `check` passes (it throws or returns false until then). */
export async function eventually(check: () => Promise<unknown>): Promise<void> {
  await vi.waitFor(async () => {
    if ((await check()) === false) throw new Error('not yet');
  }, { timeout: 15_000, interval: 20 });
}
