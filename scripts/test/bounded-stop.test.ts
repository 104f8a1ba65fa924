import { describe, expect, test } from 'vitest';
import type { Logger } from '../logger.ts';
import { stopStep } from '../start/bounded-stop.ts';

/** Collects what the steps report (a logger is how `npm start` tells its operator). */
function recordingLogger(): { logger: Logger; warnings: Array<Record<string, unknown>> } {
  const warnings: Array<Record<string, unknown>> = [];
  const logger = { warn: (fields: Record<string, unknown>) => warnings.push(fields) } as unknown as Logger;
  return { logger, warnings };
}

describe('a shutdown step', () => {
  test('that hangs or fails is reported and the next one still runs', async () => {
    const { logger, warnings } = recordingLogger();
    const ran: string[] = [];
    await stopStep('hangs', () => new Promise<void>(() => {}), logger, 50);
    await stopStep('fails', async () => {
      throw new Error('connection terminated');
    }, logger);
    await stopStep('works', async () => {
      ran.push('works');
    }, logger);
    expect(ran).toEqual(['works']);
    expect(warnings).toEqual([
      { step: 'hangs', timeoutMs: 50 },
      { step: 'fails', error: 'connection terminated' },
    ]);
  });
});
