import type { z } from 'zod';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from './action-context.ts';

/** One action: its GraphQL name, the handler path Hasura calls, and input parsing plus handling. */
export interface Action {
  name: string;
  path: string;
  run(ctx: ActionContext, input: Record<string, unknown>): Promise<unknown>;
}

/** `customerEnrollMFA` → `customer-enroll-mfa`, as actions.yaml spells the handler paths. */
export function handlerPath(actionName: string): string {
  return actionName
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Names the fields that failed without echoing their values (they may be passwords). */
function validationError(error: z.ZodError): ActionError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || 'input'))];
  const problems = error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
  return new ActionError('VALIDATION_FAILED', {
    message: `Invalid input: ${problems.join('; ')}`,
    extensions: { fields },
  });
}

/** Paths of the strings in `value` that hold a NUL character, which PostgreSQL text cannot store. */
function nulCharacterFields(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.') || 'input'] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => nulCharacterFields(item, [...path, key]));
}

/** Pairs an input schema with its handler; the handler only ever sees parsed input. */
export function defineAction<S extends z.ZodType>(
  name: string,
  input: S,
  handle: (ctx: ActionContext, input: z.output<S>) => Promise<unknown>,
): Action {
  return {
    name,
    path: handlerPath(name),
    async run(ctx, raw) {
      const withNul = nulCharacterFields(raw);
      if (withNul.length > 0) {
        throw new ActionError('VALIDATION_FAILED', {
          message: `Invalid input: ${withNul.map((field) => `${field}: must not contain a NUL character`).join('; ')}`,
          extensions: { fields: withNul },
        });
      }
      const parsed = input.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error);
      return handle(ctx, parsed.data);
    },
  };
}
