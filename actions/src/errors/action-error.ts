import { ERROR_CATALOGUE, type CatalogueEntry, type ErrorCode } from './catalogue.ts';

export interface ActionErrorOptions {
  /** Client-facing message replacing the catalogue's (ignored for sensitive codes). */
  message?: string;
  /** Extra `extensions` for the client (never secrets). */
  extensions?: Record<string, unknown>;
  /** What the log should know; never sent to the client. */
  detail?: string;
  cause?: unknown;
}

/** An error with a catalogue code; the error handler turns it into Hasura's action error shape. */
export class ActionError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly extensions: Record<string, unknown>;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, options: ActionErrorOptions = {}) {
    const entry: CatalogueEntry = ERROR_CATALOGUE[code];
    super(entry.sensitive || !options.message ? entry.message : options.message, { cause: options.cause });
    this.name = 'ActionError';
    this.code = code;
    this.status = entry.status;
    this.extensions = options.extensions ?? {};
    this.detail = options.detail;
  }

  /** The body Hasura expects from a failing handler: `extensions` replaces Hasura's own, so it carries the code. */
  toResponseBody(): { message: string; extensions: Record<string, unknown> } {
    return { message: this.message, extensions: { ...this.extensions, code: this.code } };
  }
}

/** A failure decided inside a transaction that must still commit (failed-attempt counters, audit rows). */
export interface Failure {
  failure: ActionError;
}

export function fail(code: ErrorCode, options?: ActionErrorOptions): Failure {
  return { failure: new ActionError(code, options) };
}

/** Returns the value of a committed transaction, or throws the failure it decided on. */
export function unwrap<T>(outcome: T | Failure): T {
  if (typeof outcome === 'object' && outcome !== null && 'failure' in outcome && outcome.failure instanceof ActionError) {
    throw outcome.failure;
  }
  return outcome as T;
}
