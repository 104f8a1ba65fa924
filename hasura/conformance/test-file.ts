import { basename } from 'node:path';
import { unsupportedFeature } from './capabilities.ts';
import { runStep, type Step, type StepOutcome, type Transport } from './driver.ts';
import type { EngineServer } from './engine-server.ts';
import { readYaml } from './fixture-files.ts';
import type { HttpResponse } from './http-client.ts';
import type { DroppedStep } from './partial-setup.ts';
import { isStreamSteps, runStreamSteps } from './stream-steps.ts';
import { runsOverWebsocket, runWebsocketStep } from './ws-driver.ts';

export type FileStatus = 'passed' | 'failed' | 'skipped';

export interface FileResult {
  /** `folder/file.yaml` */
  name: string;
  status: FileStatus;
  reason?: string;
  /** The failing step's actual response body (for `--verbose`). */
  actual?: unknown;
  /** Absent: HTTP. */
  transport?: 'websocket';
}

/** Hasura's suite runs its server with this set (tests-py test-server.sh); the engine does not implement it. */
const STRINGIFY = 'HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES=true (set for all of Hasura\'s suite), which the engine does not support: the responses match but for numbers as strings';

export function readSteps(file: string): Step[] {
  const document = readYaml(file);
  return (Array.isArray(document) ? document : [document]) as Step[];
}

/** The engine's own "I do not do this" in a GraphQL response, if any. */
function engineRefusal(response: HttpResponse | undefined): string | null {
  const errors = (response?.body as { errors?: Array<{ message?: string; code?: string; extensions?: { code?: string } }> } | undefined)?.errors;
  const refusal = Array.isArray(errors) ? errors.find((e) => (e.extensions?.code ?? e.code) === 'not-supported') : undefined;
  return refusal ? (refusal.message ?? 'not supported') : null;
}

/**
 * The transports the driver sends a file over: streaming step files over the websocket only,
 * files with a response per single GraphQL request over both, the rest over HTTP.
 */
export function transportsOf(file: string): Transport[] {
  let steps: Step[];
  try {
    steps = readSteps(file);
  } catch {
    return ['http'];
  }
  if (isStreamSteps(steps)) return ['websocket'];
  return runsOverWebsocket(steps) ? ['http', 'websocket'] : ['http'];
}

/** A bare `{query}` file (no step has a url) is what Hasura's multiplexing tests send to the explain API. */
const isBareQuery = (steps: Step[]) => steps.every((step) => typeof step === 'object' && step !== null && step.url === undefined && 'query' in step);

async function runStreamFile(server: EngineServer, steps: Step[], name: string): Promise<FileResult> {
  const failure = await runStreamSteps(server, steps as never).catch((error: unknown) => `request failed: ${(error as Error).message}`);
  return failure ? { name, status: 'failed', reason: failure, transport: 'websocket' } : { name, status: 'passed', transport: 'websocket' };
}

/** Runs a test file's steps in order over `transport`, stopping at the first that fails (as a pytest assertion does). */
export async function runTestFile(server: EngineServer, file: string, name: string, transport: Transport = 'http'): Promise<FileResult> {
  const result = await runSteps(server, file, name, transport);
  return transport === 'websocket' ? { ...result, transport } : result;
}

async function runSteps(server: EngineServer, file: string, name: string, transport: Transport): Promise<FileResult> {
  let steps: Step[];
  try {
    steps = readSteps(file);
  } catch (error) {
    return { name, status: 'failed', reason: `cannot read the file: ${(error as Error).message}` };
  }
  if (isStreamSteps(steps)) return runStreamFile(server, steps, name);
  if (isBareQuery(steps)) return { name, status: 'skipped', reason: 'needs the explain API (/v1/graphql/explain), where Hasura\'s multiplexing tests send these queries' };
  const feature = unsupportedFeature(server.engine, steps);
  if (feature) return { name, status: 'skipped', reason: `needs ${feature}` };
  let stringified = false;
  for (const [i, step] of steps.entries()) {
    const run = transport === 'websocket' ? runWebsocketStep : runStep;
    const outcome: StepOutcome = await run(server, step, `${name}#${i}`).catch((error: unknown) => ({ ok: false, reason: `request failed: ${(error as Error).message}` }));
    if (outcome.ok) continue;
    if (outcome.numbersAsStrings) {
      stringified = true;
      continue;
    }
    const refusal = engineRefusal(outcome.response);
    if (refusal) return { name, status: 'skipped', reason: `the engine does not support it: ${refusal}` };
    const where = steps.length > 1 ? `step ${i + 1}/${steps.length} (${step.url})` : `(${step.url})`;
    return { name, status: 'failed', reason: `${where}: ${outcome.reason}`, ...(outcome.response ? { actual: outcome.response.body } : {}) };
  }
  if (stringified) return { name, status: 'skipped', reason: `needs ${STRINGIFY}` };
  return { name, status: 'passed' };
}

/** Roles a test file acts as, and its whole text (to look for names a dropped setup step would have added). */
function footprint(file: string): { roles: Set<string>; text: string } {
  const steps = readSteps(file);
  const roles = new Set<string>();
  for (const step of steps) {
    for (const [header, value] of Object.entries(step.headers ?? {})) if (header.toLowerCase() === 'x-hasura-role') roles.add(String(value));
  }
  return { roles, text: JSON.stringify(steps.map((step) => step.query)) };
}

/**
 * A failed test that touches a setup step the engine could not apply: a skip naming the feature
 * when the step needs one the engine lacks, else a failure that points at the broken step.
 */
export function withSetupImpact(result: FileResult, file: string, dropped: DroppedStep[]): FileResult {
  if (result.status !== 'failed' || dropped.length === 0) return result;
  const { roles, text } = footprint(file);
  const touched = dropped.filter((step) => step.roles.some((role) => roles.has(role)) || step.names.some((n) => n.length > 2 && text.includes(n)));
  const feature = touched.find((step) => step.feature);
  if (feature) return { name: result.name, status: 'skipped', reason: `needs ${feature.feature} (${feature.label} was not applied)` };
  const broken = touched.find((step) => step.error);
  if (broken) return { ...result, reason: `${result.reason}; setup ${broken.label} failed: ${broken.error}` };
  return result;
}

export const fileLabel = (folderName: string, file: string) => `${folderName}/${basename(file)}`;
