import type { MetadataChange } from './doc/metadata-change.ts';

/** Where a step sits in the request, for error paths (`$`, `$.args[2]`). */
export interface StepContext {
  change: MetadataChange;
  path: string;
  /** The request's `version` (export_metadata answers `{resource_version, metadata}` for 2). */
  version?: number;
  /** Runs a nested step (used by `bulk`). */
  run(step: unknown, path: string): Promise<unknown>;
}

/** One API type (`track_table`, `run_sql`, …): takes its `args`, edits the change, returns the result body. */
export type Operation = (args: unknown, context: StepContext) => Promise<unknown>;

export const SUCCESS = { message: 'success' } as const;
