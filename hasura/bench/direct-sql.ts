import pg from 'pg';
import type { Task } from './load-generator.ts';
import type { SqlCall } from './scenario.ts';

/**
 * The baseline: statements sent straight through `pg` from this process, with as many pooled
 * connections as the HTTP targets get, as unnamed (unprepared) statements like the engine's.
 */
export class DirectSql {
  readonly #pool: pg.Pool;

  constructor(databaseUrl: string, connections: number) {
    this.#pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
    this.#pool.on('error', () => undefined);
  }

  /**
   * Runs the statement and resolves to its single row's `data` column: JSON as text, which is how
   * the engine reads its own statements too (passed on to the client without parsing).
   */
  async run(call: SqlCall): Promise<string> {
    const result = await this.#pool.query<{ data: unknown }>(call.text, call.values);
    const data = result.rows[0]?.data;
    if (result.rows.length !== 1 || typeof data !== 'string') throw new Error('expected one row with JSON text in `data`');
    return data;
  }

  /** A load task that runs `calls[index % length]`. */
  task(calls: SqlCall[]): Task {
    return (index) => this.run(calls[index % calls.length]!);
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}
