import { EngineError } from '../errors/index.ts';
import { sql, type SQL } from '../sql/index.ts';

/** Session variables with lower-case names, as Hasura keeps them. */
export type Session = Record<string, string>;

/**
 * Where a plan's session values come from. A request binds its own values as parameters; a
 * multiplexed subscription reads them from the row of the cohort array the statement is joined
 * with, so one statement serves every subscriber and only the array changes.
 */
export interface SessionSource {
  /** The session variable's value as SQL text (not yet cast). */
  text(name: string): SQL;
  /** A list-valued session variable as something castable to an array type. */
  list(name: string): SQL;
}

/** The session variable's raw value; a permission that needs a missing one fails with `not-found`. */
export function lookupSessionValue(session: Session, name: string): string {
  const value = session[name.toLowerCase()];
  if (value === undefined) throw new EngineError('not-found', `missing session variable: "${name.toLowerCase()}"`);
  return value;
}

/**
 * A list-valued session variable: a Postgres array literal (`{a,b}`), or a JSON array (`["a","b"]`),
 * which Hasura also accepts.
 */
export function sessionListValue(raw: string): unknown {
  if (!raw.trimStart().startsWith('[')) return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : raw;
  } catch {
    return raw;
  }
}

/** Values bound as statement parameters (queries, mutations). */
export function boundSession(session: Session): SessionSource {
  return {
    text: (name) => sql.value(lookupSessionValue(session, name)),
    list: (name) => sql.value(sessionListValue(lookupSessionValue(session, name))),
  };
}

/**
 * Values read from the cohort row `alias` (columns `session` and `lists`, see `cohortSessionRow`).
 * `session` is still checked so that a subscriber missing a variable fails as a request would.
 */
export function cohortSession(session: Session, alias: string): SessionSource {
  return {
    text(name) {
      lookupSessionValue(session, name);
      return sql`(${sql.ident(alias, 'session')} ->> ${sql.literal(name.toLowerCase())})`;
    },
    list(name) {
      lookupSessionValue(session, name);
      const value = sql`(${sql.ident(alias, 'lists')} -> ${sql.literal(name.toLowerCase())})`;
      return sql`(case json_typeof(${value}) when 'array' then array(select json_array_elements_text(${value})) else (${value} #>> '{}')::text[] end)`;
    },
  };
}

/** A subscriber's session as the `session` and `lists` values of its cohort row. */
export function cohortSessionRow(session: Session): { session: Session; lists: Record<string, unknown> } {
  return { session, lists: Object.fromEntries(Object.entries(session).map(([name, raw]) => [name, sessionListValue(raw)])) };
}
