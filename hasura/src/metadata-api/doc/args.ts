import type { z } from 'zod';
import { EngineError } from '../../errors/index.ts';

/** Validates `args` with a zod schema; a mismatch is Hasura's `parse-failed` at the offending path. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown, path: string): z.infer<S> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = [path, ...issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))].join('');
  throw new EngineError('parse-failed', issue.message, at);
}
