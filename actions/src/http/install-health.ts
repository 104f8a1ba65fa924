import type { Express } from 'express';
import type { AppDeps } from '../app-deps.ts';

/** `/healthz`: the process answers. `/readyz`: it can also reach PostgreSQL. Neither needs the action secret. */
export function installHealth(app: Express, deps: AppDeps): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.pool.query('select 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message }, 'readiness check: database unreachable');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
