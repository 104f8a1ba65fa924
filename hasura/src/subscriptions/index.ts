/**
 * Live queries and streaming subscriptions, multiplexed as Hasura does: one SQL statement per
 * group of identical plans and batch, each subscriber's session (and stream cursor) a row of the
 * cohort array the statement joins.
 */
export { Subscriptions, type Unsubscribe } from './subscriptions.ts';
export type { ResultSink } from './subscriber.ts';
