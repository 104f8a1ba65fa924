import type { Logger } from 'pino';
import { bindMarkedVariables, cohortSession, collectFields, CompileContext, compileRootQuery, compileStream, markVariables } from '../compile/index.ts';
import type { SubscriptionSettings } from '../config/index.ts';
import { prepareOperation, type Engine, type GraphQLRequest, type Prepared, type RequestSession } from '../engine/index.ts';
import { EngineError } from '../errors/index.ts';
import { sql } from '../sql/index.ts';
import { COHORT_ALIAS, groupKey } from './cohort-statement.ts';
import { LiveGroup } from './live-group.ts';
import { StreamGroup, type StreamSubscriber } from './stream-group.ts';
import type { ResultSink, Subscriber } from './subscriber.ts';
import type { PollingGroup } from './polling-group.ts';

/** Ends one subscription. */
export type Unsubscribe = () => void;

interface Planned {
  kind: 'live' | 'stream';
  key: string;
  plan: ReturnType<typeof compileRootQuery>;
  /** Values of the variables the plan reads from the cohort row. */
  variables: Record<string, unknown>;
  initialCursor?: string;
}

function onlyField(prepared: Prepared): [string, Prepared['fields'] extends Map<string, infer N> ? N : never] {
  if (prepared.fields.size !== 1) throw new EngineError('validation-failed', 'subscriptions must select one top level field');
  return [...prepared.fields][0]!;
}

/**
 * The live query's plan with its value variables read from the cohort row, or null when a
 * variable shapes the statement (see variable-parameters.ts).
 */
function multiplexedPlan(prepared: Prepared): { plan: ReturnType<typeof compileRootQuery>; variables: Record<string, unknown> } | null {
  const { context, operation } = prepared;
  const { marked, names } = markVariables(context.roleSchema.schema, operation, context.variables);
  if (names.length === 0) return null;
  const markedContext = new CompileContext(context.model, context.roleSchema, context.session, marked, context.fragments, context.sessionSource);
  try {
    const plan = bindMarkedVariables(compileRootQuery(markedContext, collectFields(markedContext, [operation.selectionSet]), 'subscription_root'), COHORT_ALIAS);
    return plan && { plan, variables: Object.fromEntries(names.map((name) => [name, context.variables[name]])) };
  } catch {
    // A marker where a real value was needed (a JSON path, say): the real values decide instead.
    return null;
  }
}

function planFor(prepared: Prepared, role: string): Planned {
  const [key, nodes] = onlyField(prepared);
  const target = prepared.context.roleSchema.subscriptionFields.get(nodes[0]!.name.value);
  if (target?.kind === 'select_stream') {
    const stream = compileStream(prepared.context, key, nodes, sql.ident(COHORT_ALIAS, 'cursor'));
    return { kind: 'stream', key: groupKey(role, 'stream', stream.statement), plan: stream.statement, variables: {}, initialCursor: stream.cursor.initial };
  }
  // Compiled with the real values first: that is what reports the request's errors.
  const plain = compileRootQuery(prepared.context, prepared.fields, 'subscription_root');
  const { plan, variables } = multiplexedPlan(prepared) ?? { plan: plain, variables: {} };
  return { kind: 'live', key: groupKey(role, 'live', plan), plan, variables };
}

/**
 * Every live query and stream the engine serves, multiplexed: subscribers whose plans compile
 * to the same statement (same role and query; session values, value variables of live queries
 * and stream cursors come from the cohort row) share one group and one SQL statement per batch
 * and poll.
 */
export class Subscriptions {
  private readonly groups = new Map<string, PollingGroup<Subscriber>>();

  constructor(
    private readonly engine: Engine,
    private readonly settings: SubscriptionSettings,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts a subscription operation; its results go to `sink`. Throws EngineError (Hasura's
   * validation errors) when the operation cannot be served.
   */
  subscribe(session: RequestSession, request: GraphQLRequest, sink: ResultSink): Unsubscribe {
    const prepared = prepareOperation(this.engine.current, session, request, cohortSession(session.variables, COHORT_ALIAS));
    if (prepared.operation.operation !== 'subscription') throw new Error('Subscriptions.subscribe was given a query or mutation');
    const planned = planFor(prepared, session.role);
    const group = this.groupFor(planned);
    const subscriber: Subscriber | StreamSubscriber = planned.kind === 'stream'
      ? { session: session.variables, variables: {}, sink, cursor: planned.initialCursor! }
      : { session: session.variables, variables: planned.variables, sink };
    group.add(subscriber);
    return () => group.remove(subscriber);
  }

  /** Subscribers currently served, and the groups (one statement each per poll) they form. */
  stats(): { subscribers: number; groups: number } {
    let subscribers = 0;
    for (const group of this.groups.values()) subscribers += group.size;
    return { subscribers, groups: this.groups.size };
  }

  private groupFor(planned: Planned): PollingGroup<Subscriber> {
    const existing = this.groups.get(planned.key);
    if (existing) return existing;
    const live = planned.kind === 'live';
    const deps = {
      pool: this.engine.pool,
      logger: this.logger,
      refetchMs: live ? this.settings.liveRefetchMs : this.settings.streamRefetchMs,
      batchSize: live ? this.settings.liveBatchSize : this.settings.streamBatchSize,
      onEmpty: () => this.groups.delete(planned.key),
    };
    const group = live ? new LiveGroup(deps, planned.plan) : (new StreamGroup(deps, planned.plan) as PollingGroup<Subscriber>);
    this.groups.set(planned.key, group);
    return group;
  }
}
