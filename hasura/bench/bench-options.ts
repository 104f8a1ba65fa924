import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { SubscriptionOptions } from './subscription-scenario.ts';

/** What one benchmark run does; read once from the command line and the environment. */
export interface BenchOptions {
  /** Size of the generated data set (1 = 500 customers, 50,000 orders); the demo tenant is always added. */
  scale: number;
  /** Requests in flight at once, against every target alike. */
  concurrency: number;
  /** Measured seconds per target and scenario, split over the rounds; ignored when `requests` is set. */
  seconds: number;
  /** Measured requests per target and scenario instead of a duration, split over the rounds. */
  requests: number | undefined;
  /** Rounds per scenario: the targets take turns, so slow drifts in machine load hit each alike. */
  rounds: number;
  /** Unmeasured seconds per target and scenario first (connections, JIT, plan caches). */
  warmupSeconds: number;
  /** How many of the busiest customers the requests rotate over. */
  customers: number;
  /** A server to create the throwaway database on; unset means a temporary embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Which parts run: the read scenarios against PostGraphile, the subscription scenario. */
  parts: ReadonlySet<'reads' | 'subscriptions'>;
  subscriptions: SubscriptionOptions;
}

const positiveInteger = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const argsSchema = z.object({
  scale: z.coerce.number().positive().max(4).default(1),
  concurrency: positiveInteger(256, 8),
  seconds: z.coerce.number().positive().max(600).default(10),
  requests: z.coerce.number().int().min(1).max(10_000_000).optional(),
  rounds: positiveInteger(20, 2),
  warmup: z.coerce.number().min(0).max(60).default(2),
  customers: positiveInteger(100, 8),
  parts: z.string().default('reads,subscriptions').pipe(z.string().regex(/^(reads|subscriptions)(,(reads|subscriptions))*$/, 'a comma-separated list of reads, subscriptions')),
  subscribers: positiveInteger(20_000, 1000),
  streams: z.coerce.number().int().min(0).max(1000).default(50),
  'sub-customers': positiveInteger(1000, 200),
  'updates-per-second': z.coerce.number().positive().max(1000).default(5),
  'change-seconds': z.coerce.number().positive().max(600).default(10),
});

const envSchema = z.object({ DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()) });

export const USAGE = `npm run bench -w @portal/hasura -- [--scale 1] [--concurrency 8] [--seconds 10 | --requests N] [--rounds 2] [--warmup 2] [--customers 8]
  [--parts reads,subscriptions] [--subscribers 1000] [--streams 50] [--sub-customers 200] [--updates-per-second 5] [--change-seconds 10]
  DATABASE_URL   create the throwaway database on this server instead of a temporary embedded PostgreSQL`;

function problems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ');
}

/** Parses `argv` and `env`; throws an Error naming each bad option or variable. */
export function readBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const names = ['scale', 'concurrency', 'seconds', 'requests', 'rounds', 'warmup', 'customers', 'parts', 'subscribers', 'streams', 'sub-customers', 'updates-per-second', 'change-seconds'] as const;
  const { values } = parseArgs({ args: argv, options: Object.fromEntries(names.map((name) => [name, { type: 'string' }])) });
  const args = argsSchema.safeParse(values);
  if (!args.success) throw new Error(`invalid option: ${problems(args.error)}\n${USAGE}`);
  const vars = envSchema.safeParse(env);
  if (!vars.success) throw new Error(`invalid environment: ${problems(vars.error)}`);
  const { warmup, requests, parts, subscribers, streams, ...rest } = args.data;
  const subscriptions = { subscribers, streams, subscriptionCustomers: rest['sub-customers'], updatesPerSecond: rest['updates-per-second'], changeSeconds: rest['change-seconds'] };
  const { scale, concurrency, seconds, rounds, customers } = rest;
  return {
    scale, concurrency, seconds, rounds, customers, requests, warmupSeconds: warmup, databaseUrl: vars.data.DATABASE_URL,
    parts: new Set(parts.split(',') as Array<'reads' | 'subscriptions'>),
    subscriptions,
  };
}
