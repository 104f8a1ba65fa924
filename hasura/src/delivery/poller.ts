/**
 * Runs `task` over and over: again at once when it reports more work, else after `intervalMs`.
 * A failing task is reported and the loop goes on; `stop` waits for the task in progress.
 */
export class Poller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly task: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runTask();
    }, delayMs);
  }

  private async runTask(): Promise<void> {
    let more = false;
    try {
      more = await this.task();
    } catch (error) {
      this.onError(error);
    }
    this.running = undefined;
    this.schedule(more ? 0 : this.intervalMs);
  }
}
