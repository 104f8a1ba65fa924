import { basename, join } from 'node:path';
import { createFixtureDatabase, type FixtureDatabase } from './databases.ts';
import { startEngineServer, type EngineServer } from './engine-server.ts';
import { OTHER_BACKEND, readYaml, type FixtureFolder } from './fixture-files.ts';
import { applyStepwise, type DroppedStep } from './partial-setup.ts';
import { describeFailure, errorOf, featureOf, missingExtension, postSetupFile } from './setup-files.ts';
import type { Transport } from './driver.ts';
import { fileLabel, runTestFile, transportsOf, withSetupImpact, type FileResult } from './test-file.ts';

export interface FolderResult {
  folder: string;
  files: FileResult[];
  /** Setup steps the engine could not apply, and teardown problems: reported, not counted. */
  notes: string[];
}

interface Environment {
  database: FixtureDatabase;
  server: EngineServer;
}

async function open(adminUrl: string): Promise<Environment> {
  const database = await createFixtureDatabase(adminUrl);
  try {
    return { database, server: await startEngineServer(database.url) };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function close(environment: Environment): Promise<void> {
  await environment.server.close();
  await environment.database.drop();
}

type Setup = { dropped: DroppedStep[]; skip?: string; failure?: string };

/**
 * The class setup as Hasura sends it (the whole file, one request). When the engine refuses it,
 * the folder starts again on a fresh database and applies the steps one by one, keeping the rest.
 */
async function classSetup(adminUrl: string, environment: Environment, file: string): Promise<{ environment: Environment; setup: Setup }> {
  const response = await postSetupFile(environment.server, file);
  if (!response || response.status === 200) return { environment, setup: { dropped: [] } };
  const extension = missingExtension(response);
  if (extension) return { environment, setup: { dropped: [], skip: `needs ${extension}` } };
  const body = readYaml(file) as { type?: string };
  if (body?.type !== 'bulk') {
    const error = errorOf(response);
    const setup = error.code === 'not-supported' ? { dropped: [], skip: `needs ${featureOf(error.error ?? '')}` } : { dropped: [], failure: `${basename(file)} failed: ${describeFailure(response)}` };
    return { environment, setup };
  }
  const fresh = await open(adminUrl);
  await close(environment);
  const partial = await applyStepwise(fresh.server, body, basename(file));
  return { environment: fresh, setup: { dropped: partial.dropped, ...(partial.skipFolder ? { skip: `needs ${partial.skipFolder}` } : {}) } };
}

/** A mutation test between `values_setup.yaml` and `values_teardown.yaml`. */
async function runMutationTest(environment: Environment, folder: FixtureFolder, file: string, transport: Transport): Promise<FileResult> {
  const name = fileLabel(folder.name, file);
  const before = await postSetupFile(environment.server, join(folder.dir, 'values_setup.yaml'));
  if (before && before.status !== 200) return { name, status: 'failed', reason: `values_setup.yaml failed: ${describeFailure(before)}` };
  const result = await runTestFile(environment.server, file, name, transport);
  const after = await postSetupFile(environment.server, join(folder.dir, 'values_teardown.yaml'));
  if (after && after.status !== 200 && result.status !== 'failed') return { name, status: 'failed', reason: `values_teardown.yaml failed: ${describeFailure(after)}` };
  return result;
}

async function runTest(environment: Environment, folder: FixtureFolder, setup: Setup, file: string, transport: Transport): Promise<FileResult> {
  const name = fileLabel(folder.name, file);
  const on = transport === 'websocket' ? { transport } : {};
  if (setup.skip) return { name, status: 'skipped', reason: setup.skip, ...on };
  if (setup.failure) return { name, status: 'failed', reason: setup.failure, ...on };
  if (OTHER_BACKEND.test(file)) return { name, status: 'skipped', reason: 'written for another database backend', ...on };
  const result = folder.kind === 'query' ? await runTestFile(environment.server, file, name, transport) : await runMutationTest(environment, folder, file, transport);
  return withSetupImpact(result, file, setup.dropped);
}

/** Every file over each transport the driver uses for it and `transports` allows, HTTP runs first. */
async function runTests(environment: Environment, folder: FixtureFolder, setup: Setup, transports: readonly Transport[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const transport of transports) {
    for (const file of folder.tests) {
      if (transportsOf(file).includes(transport)) results.push(await runTest(environment, folder, setup, file, transport));
    }
  }
  return results;
}

/** One fixture folder on its own fresh database and engine, as a pytest class. */
export async function runFolder(adminUrl: string, folder: FixtureFolder, transports: readonly Transport[] = ['http']): Promise<FolderResult> {
  const [setupFile, teardownFile] = folder.kind === 'query' ? ['setup.yaml', 'teardown.yaml'] : ['schema_setup.yaml', 'schema_teardown.yaml'];
  let environment = await open(adminUrl);
  try {
    const prepared = await classSetup(adminUrl, environment, join(folder.dir, setupFile));
    environment = prepared.environment;
    const { setup } = prepared;
    const notes = setup.dropped.map((step) => `${folder.name}/${step.label} not applied: ${step.feature ? `needs ${step.feature}` : step.error}`);
    const files = await runTests(environment, folder, setup, transports);
    if (!setup.skip && !setup.failure && setup.dropped.length === 0) {
      const teardown = await postSetupFile(environment.server, join(folder.dir, teardownFile));
      if (teardown && teardown.status !== 200) notes.push(`${folder.name}/${teardownFile} failed: ${describeFailure(teardown)}`);
    }
    return { folder: folder.name, files, notes };
  } finally {
    await close(environment);
  }
}
