import { afterEach, vi } from 'vitest';

// An unexpected console.error is a bug the assertions did not look for.
const consoleError = vi.spyOn(console, 'error');
afterEach(() => {
  const calls = consoleError.mock.calls.length;
  consoleError.mockClear();
  if (calls > 0) throw new Error(`console.error was called ${calls} time(s) during the test`);
});
