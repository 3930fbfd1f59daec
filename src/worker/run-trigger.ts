/**
 * Runs a job at most once at a time; a kick that arrives while it runs schedules exactly one more run,
 * so a burst of realtime events never piles up parallel claims.
 */
export class RunTrigger {
  readonly #job: () => Promise<number>;
  readonly #onError: (error: unknown) => void;
  #running: Promise<void> | null = null;
  #again = false;

  constructor(job: () => Promise<number>, onError: (error: unknown) => void) {
    this.#job = job;
    this.#onError = onError;
  }

  kick(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => (this.#running = null));
    return this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        // A full batch means more may be waiting: keep going without waiting for the next event.
        while ((await this.#job()) > 0 && !this.#again) {
          /* drain */
        }
      } catch (error) {
        this.#onError(error);
      }
    } while (this.#again);
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }
}
