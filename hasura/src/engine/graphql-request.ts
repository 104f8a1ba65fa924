import { z } from 'zod';
import { EngineError } from '../errors/index.ts';

const requestSchema = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

export type GraphQLRequest = z.infer<typeof requestSchema>;

/** A request body (one request or a batch) validated into GraphQL requests. */
export function parseGraphQLBody(body: unknown): GraphQLRequest | GraphQLRequest[] {
  const parse = (value: unknown, path: string) => {
    const result = requestSchema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new EngineError('parse-failed', `${issue.message} at ${[path, ...issue.path].join('.')}`, [path, ...issue.path].join('.'));
    }
    return result.data;
  };
  return Array.isArray(body) ? body.map((item, i) => parse(item, `$[${i}]`)) : parse(body, '$');
}
