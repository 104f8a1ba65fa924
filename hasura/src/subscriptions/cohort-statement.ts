import { compileSQL, sql, type CompiledSQL, type SQL } from '../sql/index.ts';

/** The alias of the cohort row that multiplexed plans read their session (and cursor) from. */
export const COHORT_ALIAS = '_c';

/** Columns of a cohort row: its id, the session (`cohortSessionRow`), and the multiplexed variables (live) or the cursor (streams). */
export type CohortColumns = 'live' | 'stream';

const COLUMN_DEFINITIONS: Record<CohortColumns, SQL> = {
  live: sql`id int, session json, lists json, variables json`,
  stream: sql`id int, session json, lists json, cursor text`,
};

/**
 * One statement for a whole batch: the plan (`inner`, compiled with `cohortSession`) joined
 * laterally with every row of the cohort array, bound as the single JSON parameter `$1`.
 * Answers `id`, `data` (and `cursor` for streams) per row.
 */
export function cohortStatement(inner: SQL, columns: CohortColumns, rows: unknown[]): CompiledSQL {
  const alias = sql.ident(COHORT_ALIAS);
  const extra = columns === 'stream' ? sql`, _r.cursor` : sql.empty;
  return compileSQL(
    sql`select ${alias}.id, _r.data${extra} from json_to_recordset(${sql.value(JSON.stringify(rows))}::json) as ${alias}(${COLUMN_DEFINITIONS[columns]}) cross join lateral (${inner}) as _r`,
  );
}

/** Subscribers whose compiled plans are identical (text and bound values) share one group. */
export function groupKey(role: string, columns: CohortColumns, inner: SQL): string {
  const compiled = compileSQL(inner);
  return JSON.stringify([role, columns, compiled.text, compiled.values]);
}
