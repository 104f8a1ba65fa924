import type { CronJob } from '../http/define-cron-job.ts';
import { sendDueDeliveries } from '../integrations/webhook-sender.ts';

/** Cron trigger `send_webhooks` (every minute): sends the due webhook deliveries, first tries and retries. */
export const sendWebhooksJob: CronJob = {
  trigger: 'send_webhooks',
  path: 'send-webhooks',
  async run(deps, now) {
    const summary = await sendDueDeliveries(deps, now);
    deps.logger.info({ job: 'send_webhooks', ...summary }, 'cron job done');
    return summary;
  },
};
