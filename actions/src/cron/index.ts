import type { CronJob } from '../http/define-cron-job.ts';
import { expireQuotesJob } from './expire-quotes.ts';
import { sendWebhooksJob } from './send-webhooks.ts';

/** Every cron job the server runs; metadata/cron_triggers.yaml must call exactly these (a test checks). */
export const CRON_JOBS: readonly CronJob[] = [expireQuotesJob, sendWebhooksJob];
