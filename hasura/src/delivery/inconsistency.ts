/** A trigger left out because it does not match the database or the environment, as Hasura reports it. */
export interface EventingInconsistency {
  type: 'event_trigger' | 'cron_trigger';
  name: string;
  reason: string;
}
