// Start-up work that the first screen does not need (sync, session renewal, push settings, the offline copy, the
// update check): run after the first paint, one piece per task in the browser's idle time, so none of it lengthens
// the task that draws the screen and no two pieces add up to one long task.

type Work = () => void;

const queue: Work[] = [];
let scheduled = false;

/** At the latest this long after it is asked for, a piece runs even if the page never goes idle. */
const IDLE_TIMEOUT_MS = 1000;

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 1);
}

/**
 * Runs `run` in a task of its own after the next frame is drawn (a hidden page draws none: a timer stands in).
 * Unlike `afterPaint` it does not wait for idle time: for work the screen needs soon, but not in its first frame.
 */
export function afterNextPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    setTimeout(run, 0);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, 100);
}

function runNext(): void {
  const work = queue.shift();
  if (work) {
    try {
      work();
    } catch (error) {
      console.error('start-up work failed', error);
    }
  }
  if (queue.length > 0) whenIdle(runNext);
  else scheduled = false;
}

/** Queues `work` to run after the first paint, in order, each in a task of its own; returns its cancel. */
export function afterPaint(work: Work): () => void {
  let cancelled = false;
  queue.push(() => cancelled || work());
  if (!scheduled) {
    scheduled = true;
    afterNextPaint(() => whenIdle(runNext));
  }
  return () => (cancelled = true);
}
