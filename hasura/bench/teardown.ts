/** One clean-up step: a label for the error message and the work. */
interface Step {
  label: string;
  run: () => Promise<void> | void;
}

/**
 * Clean-up steps registered as resources are acquired and run in reverse order, every step even
 * when an earlier one fails, so a failed run still leaves no server, pool, cluster or folder behind.
 */
export class Teardown {
  readonly #steps: Step[] = [];
  #running: Promise<string[]> | undefined;

  /** Registers `run` to undo something just acquired; runs before everything registered earlier. */
  defer(label: string, run: Step['run']): void {
    this.#steps.push({ label, run });
  }

  /** Runs every step once (later calls share the first run); resolves to the failures, as messages. */
  run(): Promise<string[]> {
    this.#running ??= this.#runSteps();
    return this.#running;
  }

  async #runSteps(): Promise<string[]> {
    const failures: string[] = [];
    for (const step of this.#steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        failures.push(`${step.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }
}
