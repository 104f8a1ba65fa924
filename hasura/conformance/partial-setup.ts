import type { EngineServer } from './engine-server.ts';
import { describeFailure, errorOf, featureOf, missingExtension, postQuery } from './setup-files.ts';

/**
 * A setup step the engine could not apply. Tests that touch it (by a name it introduces or a role
 * it grants) are judged with that in mind: `feature` steps make such tests skips, `error` steps
 * make their failures point at the broken setup step.
 */
export interface DroppedStep {
  label: string;
  feature?: string;
  error?: string;
  names: string[];
  roles: string[];
}

export interface PartialSetup {
  dropped: DroppedStep[];
  /** Set when a step needs something the database server lacks: the folder cannot run. */
  skipFolder?: string;
}

type Args = Record<string, unknown>;

const nameOf = (value: unknown): string | null => (typeof value === 'string' ? value : typeof (value as Args | null)?.name === 'string' ? ((value as Args).name as string) : null);

/** Names a step adds to the GraphQL schema (computed fields, functions and their aggregates, tables). */
function introducedNames(type: string, args: Args): string[] {
  const bare = type.replace(/^pg_/, '');
  if (bare === 'add_computed_field') return [String(args.name)];
  if (bare === 'track_function') {
    const name = nameOf(args.function ?? args);
    return name ? [name] : [];
  }
  if (bare === 'track_table') return [nameOf(args.table ?? args)].filter((name): name is string => name !== null);
  if (/relationship$/.test(bare) && typeof args.name === 'string') return [args.name];
  return [];
}

/**
 * Applies a bulk setup one step at a time, carrying on past the steps the engine refuses, so the
 * tests that do not need them still run. Only used after the whole file failed as one request.
 */
export async function applyStepwise(server: EngineServer, body: unknown, file: string): Promise<PartialSetup> {
  const steps = (body as { args?: unknown[] }).args ?? [];
  const dropped: DroppedStep[] = [];
  for (const [i, step] of steps.entries()) {
    const response = await postQuery(server, step);
    if (response.status === 200) continue;
    const extension = missingExtension(response);
    if (extension) return { dropped, skipFolder: extension };
    const { type = '?', args = {} } = step as { type?: string; args?: Args };
    const text = JSON.stringify(args);
    const cause = dropped.find((earlier) => earlier.feature && earlier.names.some((name) => text.includes(name)));
    const error = errorOf(response);
    const entry: DroppedStep = { label: `${file} step ${i + 1} (${type})`, names: introducedNames(type, args), roles: typeof args.role === 'string' ? [args.role] : [] };
    if (error.code === 'not-supported') entry.feature = featureOf(error.error ?? type);
    else if (cause) entry.feature = cause.feature!;
    else entry.error = describeFailure(response);
    dropped.push(entry);
  }
  return { dropped };
}
