import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { watchMetadataDirectory } from '../src/index.ts';

test('a burst of changes anywhere under the metadata folder gives one reload', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'metadata-watch-'));
  mkdirSync(join(dir, 'databases/default/tables'), { recursive: true });
  let calls = 0;
  const changed = new Promise<void>((resolve) => {
    const stop = watchMetadataDirectory(dir, () => {
      calls += 1;
      stop();
      resolve();
    }, 100);
  });
  writeFileSync(join(dir, 'version.yaml'), 'version: 3\n');
  writeFileSync(join(dir, 'databases/default/tables/public_a.yaml'), 'table: {name: a, schema: public}\n');
  await changed;
  expect(calls).toBe(1);
  rmSync(dir, { recursive: true, force: true });
});
