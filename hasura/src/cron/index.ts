/** Cron triggers from `cron_triggers.yaml`: runs stored in `hdb_catalog.hdb_cron_events`, delivered by the event processing. */
export { planCronTriggers, type ResolvedCronTrigger } from './cron-config.ts';
export { CronSchedule } from './schedule.ts';
export { cronWebhookBody } from './cron-payload.ts';
