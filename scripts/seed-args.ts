import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_SCALE } from '@portal/seed';

export interface SeedArgs {
  /** Absent: only the demo tenant. Present: also the generated data set of this size. */
  scale: number | null;
}

const scaleSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$|^\.\d+$/, 'must be a positive number such as 1, 0.5 or 0.01')
  .transform(Number)
  .pipe(z.number().positive('must be greater than 0').max(MAX_SCALE, `must be at most ${MAX_SCALE}`));

export const SEED_USAGE = `usage: npm run seed [-- --scale N]
  (no options)  migrate, then seed the demo tenant once (see seed/src/demo-accounts.ts)
  --scale N     also generate a load-test tenant; N = 1 is 500 customers, 10,000 users,
                50,000 orders and 20,000 quotes; N may be fractional (0.01) and at most ${MAX_SCALE}`;

/** Parses the seed's command line; throws an Error whose message explains what was wrong. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  let values: { scale?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { scale: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${SEED_USAGE}`);
  }
  if (values.scale === undefined) return { scale: null };
  const parsed = scaleSchema.safeParse(values.scale);
  if (!parsed.success) {
    throw new Error(`invalid --scale ${JSON.stringify(values.scale)}: ${parsed.error.issues[0]!.message}\n${SEED_USAGE}`);
  }
  return { scale: parsed.data };
}
