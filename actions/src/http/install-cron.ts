import express, { type Express } from 'express';
import type { AppDeps } from '../app-deps.ts';
import { ActionError } from '../errors/action-error.ts';
import { readCronTrigger, type CronJob } from './define-cron-job.ts';

/**
 * Mounts each cron job at `POST /cron/<path>`, behind the same shared-secret check as the actions
 * (cron_triggers.yaml sends the header). The answer is a small JSON summary; any 2xx tells Hasura
 * the run succeeded, an error makes it retry per the trigger's retry_conf.
 */
export function installCronJobs(app: Express, deps: AppDeps, jobs: readonly CronJob[]): void {
  const json = express.json({ limit: '16kb' });
  for (const job of jobs) {
    app.post(`/cron/${job.path}`, json, async (req, res) => {
      const trigger = readCronTrigger(req.body);
      if (trigger === null) throw new ActionError('BAD_REQUEST', { detail: 'body is not a Hasura cron trigger payload' });
      if (trigger !== job.trigger) throw new ActionError('BAD_REQUEST', { detail: `cron trigger ${trigger} sent to the job of ${job.trigger}` });
      res.locals.action = `cron:${job.trigger}`;
      res.json(await job.run(deps, deps.clock.now()));
    });
  }
}
