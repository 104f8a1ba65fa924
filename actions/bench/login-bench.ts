import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import bcrypt from 'bcrypt';
import pg from 'pg';
import { z } from 'zod';
import { createThrowawayDatabase, migrateUp, withClient } from '@portal/dev-db';
import { combine, describeRun, measure, medianLatency, perSecond, type Run } from '@portal/test-support/bench';
import { readActionsConfig } from '../src/config/config.ts';
import { DEV_ACTION_SECRET } from '../src/config/dev-defaults.ts';
import { ACTION_SECRET_HEADER } from '../src/http/install-caller-check.ts';
import { createLogger } from '../src/logger.ts';
import { startActionServer } from '../src/server.ts';

const COST = 12;
const PASSWORD = 'Bench-Press-Offset-2026';
const argsSchema = z.object({
  logins: z.coerce.number().int().min(8).max(2000).default(24),
  concurrency: z.coerce.number().int().min(1).max(64).default(8),
  rounds: z.coerce.number().int().min(1).max(20).default(3),
});
type Args = z.infer<typeof argsSchema>;

async function seed(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await migrateUp(client);
    const tenant = await client.query<{ id: string }>("insert into tenants (slug, name) values ('bench-printer', 'Bench Printer') returning id");
    const customer = await client.query<{ id: string }>("insert into customers (tenant_id, customer_code, name) values ($1, 'BENCH', 'Bench Co') returning id", [tenant.rows[0]!.id]);
    await client.query(
      `insert into customer_users (tenant_id, customer_id, role, email, password_hash, email_verified_at)
       values ($1, $2, 'customer_user', 'bench@bench.example', $3, now())`,
      [tenant.rows[0]!.id, customer.rows[0]!.id, await bcrypt.hash(PASSWORD, COST)],
    );
  });
}

/**
 * `npm run bench -w @portal/actions [-- --logins N --concurrency C]`: login throughput and latency
 * at bcrypt cost 12 over HTTP against a real server and database, next to the rate at which this
 * machine can check cost-12 bcrypt hashes at all (measured in the same run): the ratio says how
 * close sign-in gets to that physical limit.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { logins: { type: 'string' }, concurrency: { type: 'string' }, rounds: { type: 'string' } } });
  const args = argsSchema.parse(values);
  const database = await createThrowawayDatabase(process.env.DATABASE_URL, `portal_actions_bench_${process.pid}`);
  try {
    await seed(database.url);
    await runBench(database.url, args);
  } finally {
    await database.dispose();
  }
}

type Kind = 'bcrypt' | 'success' | 'unknown';

/** The three measured tasks: bcrypt alone, a successful login, a login of an unknown address. */
function benchTasks(serverUrl: string, hash: string): Record<Kind, () => Promise<void>> {
  const login = (email: string, password: string, expected: number) => async () => {
    const response = await fetch(`${serverUrl}/customer-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET },
      body: JSON.stringify({ action: { name: 'customerLogin' }, input: { email, password }, session_variables: { 'x-hasura-role': 'anonymous' } }),
    });
    await response.arrayBuffer();
    if (response.status !== expected) throw new Error(`login answered ${response.status}, expected ${expected}`);
  };
  return {
    bcrypt: async () => void (await bcrypt.compare(PASSWORD, hash)),
    success: login('bench@bench.example', PASSWORD, 200),
    unknown: login('nobody@bench.example', 'Some-Wrong-Password-1', 401),
  };
}

/** Interleaves the kinds round by round so background load on the machine hits each alike. */
async function measureAll(tasks: Record<Kind, () => Promise<void>>, args: Args): Promise<Record<Kind, Run>> {
  for (const task of Object.values(tasks)) await measure(4, 4, task);
  const runs: Record<Kind, Run[]> = { bcrypt: [], success: [], unknown: [] };
  for (let round = 0; round < args.rounds; round += 1) {
    for (const kind of Object.keys(tasks) as Kind[]) runs[kind].push(await measure(args.logins, args.concurrency, tasks[kind]));
  }
  return { bcrypt: combine(runs.bcrypt), success: combine(runs.success), unknown: combine(runs.unknown) };
}

async function runBench(databaseUrl: string, args: Args): Promise<void> {
  const config = readActionsConfig({
    DATABASE_URL: databaseUrl,
    PORTAL_ACTIONS_PORT: '0',
    BCRYPT_COST: String(COST),
    PORTAL_DEFAULT_TENANT: 'bench-printer',
    AUTH_RATE_LIMIT_SIGN_IN: '100000',
    LOG_LEVEL: 'silent',
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = await startActionServer(config, { pool, logger: createLogger('silent') });
  try {
    const tasks = benchTasks(server.url, await bcrypt.hash(PASSWORD, COST));
    const { bcrypt: baseline, success, unknown } = await measureAll(tasks, args);
    const soloBcrypt = await measure(8, 1, tasks.bcrypt);
    const soloLogin = await measure(8, 1, tasks.success);
    const ratio = (run: Run) => (perSecond(run) / perSecond(baseline)).toFixed(2);
    process.stdout.write(
      [
        `Sign-in at bcrypt cost ${COST}: ${args.rounds} interleaved rounds of ${args.logins}, ${args.concurrency} in flight on ${availableParallelism()} cores`,
        describeRun('bcrypt.compare alone (the limit)', baseline),
        describeRun('customerLogin, right password', success),
        describeRun('customerLogin, unknown address', unknown),
        `Ratio login/bcrypt: ${ratio(success)} (right password), ${ratio(unknown)} (unknown address)`,
        describeRun('bcrypt.compare, one at a time', soloBcrypt),
        describeRun('customerLogin, one at a time', soloLogin),
        `Latency a login adds to its bcrypt: ${(medianLatency(soloLogin) - medianLatency(soloBcrypt)).toFixed(0)} ms (median)`,
        '',
      ].join('\n'),
    );
  } finally {
    await server.close();
    await pool.end();
  }
}

await main();
