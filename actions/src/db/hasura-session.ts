import type { Queryable } from './transaction.ts';

/**
 * Sets `hasura.user` for the rest of the transaction, as Hasura does for its own mutations, so the
 * database's triggers (the order status history) record who acted when the action server writes.
 */
export async function actAs(tx: Queryable, session: Readonly<Record<string, string>>): Promise<void> {
  await tx.query("select set_config('hasura.user', $1, true)", [JSON.stringify(session)]);
}
