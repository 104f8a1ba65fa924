/**
 * Where the eventing workers read the time. Injectable so tests step time forward instead of
 * sleeping; retry times, lock times and cron schedules all come from it, never from the database.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** An instant as Hasura's JSON writes it: ISO 8601 in UTC, fractional seconds only when non-zero. */
export function formatUtc(instant: Date): string {
  return instant.toISOString().replace('.000Z', 'Z');
}

export function addSeconds(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + seconds * 1000);
}
