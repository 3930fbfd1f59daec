// Pull to refresh on the queue: a finger that starts with the list scrolled to the top and moves down pulls; one
// that moves sideways first is a row's swipe (row-gestures.ts) and one that moves up scrolls. Touch events, not
// pointer events: the browser takes a vertical pan from the rows (`touch-action: pan-y`) and cancels their pointers,
// while touch events keep arriving. Loaded after the queue, on touch screens only.

export interface PullHandlers {
  /** The pull moved: `distance` in CSS px (damped), `armed` once letting go would refresh. */
  onpull(distance: number, armed: boolean): void;
  /** The finger lifted: `armed` tells whether to refresh or just spring back. */
  onrelease(armed: boolean): void;
}

/** Movement before a touch counts as a pull or a swipe (CSS px), as the row gestures allow. */
const SLOP = 10;
/** How far the indicator must come down to refresh, and the most it ever comes down (CSS px). */
export const PULL_ARMED = 64;
const PULL_MAX = 96;
/** The indicator follows the finger at half its speed, as native pulls do. */
const DAMPING = 0.5;

/** What a finger's movement so far means: still undecided, a pull, or something else (swipe, scroll). */
export function classifyMove(dx: number, dy: number): 'pending' | 'pull' | 'other' {
  if (Math.abs(dx) <= SLOP && Math.abs(dy) <= SLOP) return 'pending';
  return dy > 0 && dy >= Math.abs(dx) ? 'pull' : 'other';
}

/** The indicator's height for a finger `dy` px below where it started. */
export function pullDistance(dy: number): number {
  return Math.max(0, Math.min(PULL_MAX, (dy - SLOP) * DAMPING));
}

/** True when neither the page nor any box around `element` is scrolled down (a pane may scroll on its own). */
function isAtTop(element: Element): boolean {
  if (window.scrollY > 0) return false;
  for (let node: Element | null = element; node; node = node.parentElement) if (node.scrollTop > 0) return false;
  return true;
}

/** Listens on `root` for pulls; returns the function that stops listening. */
export function attachPullRefresh(root: HTMLElement, handlers: PullHandlers): () => void {
  let start: { id: number; x: number; y: number } | null = null;
  let state: 'pending' | 'pull' | 'other' = 'other';
  let distance = 0;
  // The browser's own pull (which would reload the whole app in a tab) gives way to this one while the queue shows.
  const overscroll = document.documentElement.style.overscrollBehaviorY;
  document.documentElement.style.overscrollBehaviorY = 'contain';

  function ontouchstart(event: TouchEvent) {
    const touch = event.touches[0];
    if (event.touches.length !== 1 || !touch || !isAtTop(root)) {
      if (state === 'pull') handlers.onrelease(false);
      start = null;
      state = 'other';
      return;
    }
    start = { id: touch.identifier, x: touch.clientX, y: touch.clientY };
    state = 'pending';
    distance = 0;
  }

  function ontouchmove(event: TouchEvent) {
    const touch = start && [...event.changedTouches].find((t) => t.identifier === start!.id);
    if (!start || !touch || state === 'other') return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    if (state === 'pending') state = classifyMove(dx, dy);
    if (state !== 'pull') return;
    distance = pullDistance(dy);
    handlers.onpull(distance, distance >= PULL_ARMED);
  }

  function ontouchend(event: TouchEvent) {
    if (!start || ![...event.changedTouches].some((t) => t.identifier === start!.id)) return;
    if (state === 'pull') handlers.onrelease(event.type === 'touchend' && distance >= PULL_ARMED);
    start = null;
    state = 'other';
  }

  const passive = { passive: true };
  root.addEventListener('touchstart', ontouchstart, passive);
  root.addEventListener('touchmove', ontouchmove, passive);
  root.addEventListener('touchend', ontouchend, passive);
  root.addEventListener('touchcancel', ontouchend, passive);
  return () => {
    document.documentElement.style.overscrollBehaviorY = overscroll;
    root.removeEventListener('touchstart', ontouchstart);
    root.removeEventListener('touchmove', ontouchmove);
    root.removeEventListener('touchend', ontouchend);
    root.removeEventListener('touchcancel', ontouchend);
  };
}
