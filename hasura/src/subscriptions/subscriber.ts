import type { Session } from '../compile/index.ts';

/** Where a subscription's results go: the socket's `data`/`next` frame with this payload (JSON text). */
export type ResultSink = (payload: string) => void;

/** One client operation inside a group. */
export interface Subscriber {
  session: Session;
  /** The values of the variables the plan reads from the cohort row (see `markVariables`). */
  variables: Record<string, unknown>;
  sink: ResultSink;
}
