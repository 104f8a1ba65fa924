import type { Queryable } from './transaction.ts';

/** The first row of a parameterised query, or undefined. */
export async function maybeOne<T extends object>(db: Queryable, text: string, values: unknown[]): Promise<T | undefined> {
  const result = await db.query<T>(text, values);
  return result.rows[0];
}

/** Every row of a parameterised query. */
export async function all<T extends object>(db: Queryable, text: string, values: unknown[]): Promise<T[]> {
  return (await db.query<T>(text, values)).rows;
}
