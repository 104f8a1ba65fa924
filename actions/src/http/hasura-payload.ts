import { z } from 'zod';

/** The body Hasura POSTs to an action handler (BEHAVIOUR.md §4.2). */
const payloadSchema = z.object({
  action: z.object({ name: z.string().min(1) }),
  input: z.record(z.string(), z.unknown()).nullish(),
  session_variables: z.record(z.string(), z.unknown()).nullish(),
  request_query: z.string().nullish(),
});

/** Session variables as Hasura forwards them, keys lower-cased. */
export type SessionVariables = Readonly<Record<string, string>>;

export interface ActionPayload {
  actionName: string;
  input: Record<string, unknown>;
  session: SessionVariables;
}

/** The payload, or null when the body is not what Hasura sends. */
export function readActionPayload(body: unknown): ActionPayload | null {
  const parsed = payloadSchema.safeParse(body);
  if (!parsed.success) return null;
  const session: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data.session_variables ?? {})) {
    if (typeof value === 'string') session[key.toLowerCase()] = value;
  }
  return { actionName: parsed.data.action.name, input: parsed.data.input ?? {}, session };
}
