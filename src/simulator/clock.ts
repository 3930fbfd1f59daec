/**
 * Meta time for the simulator. `now()` reads the (injectable) clock used for timestamps, windows, rate limits and
 * expiries; `after()` waits a Meta-time delay multiplied by `timeScale`, so a test can compress hours into milliseconds.
 */
export interface Clock {
  readonly timeScale: number;
  now(): number;
  /** Runs `task` after `delayMs` of Meta time (real delay = delayMs × timeScale). */
  after(delayMs: number, task: () => void): void;
  /** Real milliseconds for a Meta-time delay. */
  scale(delayMs: number): number;
  cancelAll(): void;
  pendingCount(): number;
}

// setTimeout overflows above 2^31-1 ms and then fires immediately; clamp so a 7-day retry at scale 1 still waits.
const MAX_TIMER_MS = 2_147_483_647;

export function createClock(now: () => number, timeScale: number): Clock {
  const timers = new Set<NodeJS.Timeout>();
  const scale = (delayMs: number) => Math.min(MAX_TIMER_MS, Math.max(0, delayMs * timeScale));
  return {
    timeScale,
    now,
    scale,
    after(delayMs, task) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        task();
      }, scale(delayMs));
      // The HTTP server keeps a running simulator alive; pending timers alone must not keep a test process open.
      timer.unref();
      timers.add(timer);
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    pendingCount: () => timers.size,
  };
}
