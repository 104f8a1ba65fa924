import type pg from 'pg';
import { migrateUp, withClient } from '@portal/dev-db';
import { countRows, DEMO_TENANT, formatCountTable, seedDemo, seedScale } from '@portal/seed';
import { readScriptConfig, type ScriptConfig } from './config.ts';
import { openLocalDatabase } from './local-database.ts';
import { createLogger, type Logger } from './logger.ts';
import { parseSeedArgs, type SeedArgs } from './seed-args.ts';

interface SeedReport {
  /** Rows inserted now per labelled set, plus the whole database. */
  columns: Record<string, Record<string, number>>;
  notes: string[];
}

async function seedAll(client: pg.ClientBase, args: SeedArgs, config: ScriptConfig, logger: Logger): Promise<SeedReport> {
  const applied = await migrateUp(client);
  logger.info({ applied: applied.length }, 'migrations applied');
  const demo = await seedDemo(client, { bcryptCost: config.BCRYPT_COST });
  const demoNote = demo.seeded ? `demo tenant "${DEMO_TENANT.slug}" seeded` : `demo tenant "${DEMO_TENANT.slug}" already present, nothing to do`;
  logger.info({ tenantId: demo.tenantId, counts: demo.counts }, demoNote);
  const report: SeedReport = { columns: { demo: demo.counts }, notes: [demoNote] };
  if (args.scale !== null) {
    const scale = await seedScale(client, { scale: args.scale, bcryptCost: config.BCRYPT_COST });
    const note = `scale tenant "${scale.plan.slug}" ${scale.seeded ? 'seeded' : 'already present, nothing to do'}`;
    logger.info({ tenantId: scale.tenantId, plan: scale.plan, counts: scale.counts }, note);
    report.columns[`scale x${args.scale}`] = scale.counts;
    report.notes.push(note);
  }
  report.columns.database = await countRows(client);
  return report;
}

/**
 * `npm run seed [-- --scale N]`: migrates, seeds the demo tenant once, and with --scale also a
 * generated load-test tenant. Prints row counts and the elapsed time.
 */
async function run(args: SeedArgs, config: ScriptConfig, logger: Logger): Promise<void> {
  const started = performance.now();
  const database = await openLocalDatabase(config, logger);
  try {
    const report = await withClient(database.url, (client) => seedAll(client, args, config, logger));
    const elapsedSeconds = Math.round((performance.now() - started) / 100) / 10;
    logger.info({ counts: report.columns.database, elapsedSeconds }, 'seed finished');
    const notes = report.notes.map((note) => `${note[0]!.toUpperCase()}${note.slice(1)}.`).join('\n');
    process.stdout.write(`\n${notes}\n\nRows inserted now, and in the whole database:\n${formatCountTable(report.columns)}\n\nElapsed: ${elapsedSeconds} s\n`);
  } finally {
    await database.stop();
  }
}

async function main(): Promise<number> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let config: ScriptConfig;
  try {
    config = readScriptConfig();
  } catch (error) {
    process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const logger = createLogger(config.LOG_LEVEL);
  try {
    await run(args, config, logger);
    return 0;
  } catch (error) {
    logger.error({ err: error }, 'seed failed');
    return 1;
  }
}

// Exit explicitly with the outcome: an idle pool or timer left behind must not keep the process running.
process.exit(await main());
