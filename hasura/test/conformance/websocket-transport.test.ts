import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { transportLines } from '../../conformance/report.ts';
import { runConformance } from '../../conformance/runner.ts';

const FIXTURES = fileURLToPath(new URL('../../../../shared/hasura-conformance', import.meta.url));

describe("the websocket transport on Hasura's subscription and basic query fixtures", () => {
  const folders = ['subscriptions', 'graphql_query/basic'].map((group) => `${FIXTURES}/${group}`);
  if (!folders.every((folder) => existsSync(folder))) {
    it.skip(`skipped: no fixtures at ${FIXTURES}`, () => undefined);
    return;
  }

  it('runs files over the Apollo protocol as the driver does, and the streaming steps pass', async () => {
    const [subscriptions, basic] = await Promise.all(
      folders.map((folder) => runConformance(folder, { adminUrl: inject('adminDatabaseUrl'), transports: ['http', 'websocket'] })),
    );
    process.stdout.write(`${[...transportLines(subscriptions!), ...transportLines(basic!)].join('\n')}\n`);
    const files = [...subscriptions!.folders, ...basic!.folders].flatMap((folder) => folder.files);
    const overWebsocket = files.filter((file) => file.transport === 'websocket');
    expect(overWebsocket.find((file) => file.name.endsWith('streaming/steps.yaml'))).toMatchObject({ status: 'passed' });
    expect(overWebsocket.find((file) => file.name.endsWith('basic/negative_test.yaml'))).toMatchObject({ status: 'passed' });
    const failed = overWebsocket.filter((file) => file.status === 'failed');
    expect(failed.map((file) => `${file.name}: ${file.reason}`)).toEqual([]);
    expect(overWebsocket.length).toBeGreaterThan(10);
  }, 300_000);
});
