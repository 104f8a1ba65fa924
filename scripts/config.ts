import { z } from 'zod';

/**
 * Settings of the root scripts (start, seed, migrate, bench): read from the environment once,
 * validated, with development defaults. Production values are documented in .env.example.
 */
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORTAL_DATA_DIR: z.string().min(1).default('.data'),
  PORTAL_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54320),
  PORTAL_DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('portal'),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  PORTAL_ENGINE_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  PORTAL_ACTIONS_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  PORTAL_WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The development mailbox (0 picks a free port).
  PORTAL_MAILBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8025),
  PORTAL_STORAGE_PORT: z.coerce.number().int().min(1).max(65535).default(4568),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ScriptConfig = z.infer<typeof schema>;

export function readScriptConfig(env: NodeJS.ProcessEnv = process.env): ScriptConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
