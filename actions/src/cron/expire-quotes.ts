import { inTransaction } from '../db/transaction.ts';
import type { CronJob } from '../http/define-cron-job.ts';
import { expireQuotes } from '../quotes/expire-quotes.ts';

/** Cron trigger `expire_quotes` (every 15 minutes): PRICED quotes past their valid_until become EXPIRED. */
export const expireQuotesJob: CronJob = {
  trigger: 'expire_quotes',
  path: 'expire-quotes',
  async run(deps, now) {
    const expired = await inTransaction(deps.pool, (tx) => expireQuotes(tx, now));
    deps.logger.info({ job: 'expire_quotes', expired }, 'cron job done');
    return { expired };
  },
};
