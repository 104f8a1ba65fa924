import type { Logger } from '../logger.ts';

/** Long enough for a clean shutdown; short enough that Ctrl-C never seems to hang. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * Runs one shutdown step so that the next always runs: its failure or hang is logged, never
 * thrown (after a database restart, a step can wait forever on a connection that is gone).
 */
export async function stopStep(name: string, step: () => Promise<void>, logger: Logger, timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([step().then(() => 'done' as const), timedOut]);
    if (outcome === 'timeout') logger.warn({ step: name, timeoutMs }, 'a shutdown step did not finish in time; going on');
  } catch (error) {
    logger.warn({ step: name, error: error instanceof Error ? error.message : String(error) }, 'a shutdown step failed; going on');
  } finally {
    clearTimeout(timer);
  }
}
