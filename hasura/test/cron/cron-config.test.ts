import { describe, expect, test } from 'vitest';
import { CronSchedule, cronWebhookBody, planCronTriggers } from '../../src/cron/index.ts';
import { checkEventingSupport } from '../../src/events/index.ts';
import type { CronTrigger, CronTriggerMetadata, HasuraMetadata } from '@portal/hasura-metadata';
import { UnsupportedFeatureError } from '../../src/model/index.ts';

function metadataWith(...triggers: CronTriggerMetadata[]): HasuraMetadata {
  return { version: 3, sources: [], cron_triggers: triggers as unknown as CronTrigger[] };
}

const base: CronTriggerMetadata = { name: 'nightly', webhook: '{{JOBS_URL}}/nightly', schedule: '0 2 * * *', include_in_metadata: true };

describe('CronSchedule', () => {
  test.each(['* * * * *', '*/15 9-17 * * 1-5', '0 0 1,15 * *', '5 4 * * 0', '@daily', '@hourly'])('accepts %s', (text) => {
    expect(CronSchedule.parse(text).text).toBe(text);
  });

  test.each(['', '* * * *', '0 * * * * *', '0 0 * JAN *', '0 0 L * *', 'H * * * *', '61 * * * *', 'every minute'])('refuses %j', (text) => {
    expect(() => CronSchedule.parse(text)).toThrow(/invalid cron schedule/);
  });

  test('next times are in UTC and strictly after the start', () => {
    const schedule = CronSchedule.parse('30 6 * * *');
    expect(schedule.timesAfter(new Date('2030-01-01T06:30:00Z'), 2)).toEqual([new Date('2030-01-02T06:30:00Z'), new Date('2030-01-03T06:30:00Z')]);
    expect(schedule.includes(new Date('2030-01-05T06:30:00Z'))).toBe(true);
    expect(schedule.includes(new Date('2030-01-05T07:30:00Z'))).toBe(false);
  });
});

describe('planCronTriggers', () => {
  test('fills Hasura’s retry_conf defaults and resolves {{ENV}} templates and headers', () => {
    const headers = [{ name: 'X-Key', value_from_env: 'JOBS_KEY' }];
    const plan = planCronTriggers(metadataWith({ ...base, headers }), { JOBS_URL: 'http://jobs.test', JOBS_KEY: 'k' });
    expect(plan.inconsistencies).toEqual([]);
    expect(plan.triggers[0]).toMatchObject({ numRetries: 0, retryIntervalSec: 10, toleranceSec: 21600, payload: null, comment: undefined });
    expect(plan.triggers[0]!.webhook).toMatchObject({ url: 'http://jobs.test/nightly', headers: [['X-Key', 'k']], timeoutMs: 60_000 });
  });

  test('request/response transforms are unsupported and name cron_triggers.yaml', () => {
    const metadata = metadataWith({ ...base, request_transform: { version: 2, template_engine: 'Kriti' } });
    const expected = 'unsupported: cron trigger request/response transforms (in cron_triggers.yaml cron trigger "nightly")';
    expect(() => planCronTriggers(metadata, { JOBS_URL: 'x' })).toThrow(UnsupportedFeatureError);
    expect(() => checkEventingSupport(metadata)).toThrow(expected);
  });

  test('an invalid schedule, an unset variable and a duplicate name are reported and left out', () => {
    const plan = planCronTriggers(
      metadataWith({ ...base, name: 'bad', schedule: '0 0 * JAN *' }, { ...base, name: 'unset', webhook: '{{NOPE}}/x' }, base, base),
      { JOBS_URL: 'http://jobs.test' },
    );
    expect(plan.triggers.map((trigger) => trigger.name)).toEqual(['nightly']);
    expect(plan.inconsistencies.map((problem) => [problem.name, problem.reason])).toEqual([
      ['bad', expect.stringMatching(/cron_triggers\.yaml cron trigger "bad": invalid cron schedule/)],
      ['unset', expect.stringMatching(/environment variable "NOPE" is not set/)],
      ['nightly', expect.stringMatching(/another cron trigger has the same name/)],
    ]);
  });

  test('the webhook body has Hasura’s keys, with comment only when configured', () => {
    const [trigger] = planCronTriggers(metadataWith({ ...base, payload: { a: 1 }, comment: 'c' }), { JOBS_URL: 'x' }).triggers;
    const event = { id: 'e-1', trigger_name: 'nightly', scheduled_time: new Date('2030-01-01T02:00:00Z'), tries: 0 };
    expect(cronWebhookBody(event, trigger!)).toEqual({ scheduled_time: '2030-01-01T02:00:00Z', payload: { a: 1 }, name: 'nightly', id: 'e-1', comment: 'c' });
    expect(cronWebhookBody(event, { ...trigger!, comment: undefined })).not.toHaveProperty('comment');
  });
});
