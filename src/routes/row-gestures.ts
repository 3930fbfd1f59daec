// Touch gestures on the queue's rows: swipe right to claim or resolve, swipe left to snooze, hold for the row's
// menu. One set of listeners on the list (rows come and go as the virtual list scrolls); loaded after the queue,
// on touch screens only, so the first visit does not carry it. Every action is also in the row's menu button.
import type { RowAction, RowActions } from '$lib/client/row-actions';

export interface RowGestureHandlers {
  actionsOf(id: string): RowActions | null;
  /** The word shown under the row while it is dragged far enough to act. */
  labelOf(action: RowAction): string;
  onswipe(id: string, action: RowAction, row: HTMLElement): void;
  onhold(id: string, row: HTMLElement): void;
}

/** The conversation a `[data-row]` element shows, read from its link (the row carries no id of its own). */
export function rowId(row: Element): string {
  return row.querySelector('a')?.pathname.split('/').pop() ?? '';
}

/** Movement a tap may have before it counts as a drag (CSS px), as browsers allow. */
const SLOP = 10;
const HOLD_MS = 500;
/** How far a row must travel to act: a third of its width, at most 96 px (a thumb's comfortable sweep). */
const threshold = (width: number) => Math.min(96, width / 3);

interface Gesture {
  pointerId: number;
  id: string;
  row: HTMLElement;
  x: number;
  y: number;
  state: 'pending' | 'swiping' | 'done';
  timer: ReturnType<typeof setTimeout>;
  hint: HTMLElement | null;
  dx: number;
}

/** Listens on `root` for touch gestures on its `[data-row]` elements; returns the function that stops listening. */
export function attachRowGestures(root: HTMLElement, handlers: RowGestureHandlers): () => void {
  let gesture: Gesture | null = null;
  // A hold or a swipe must not also open the conversation when the finger lifts.
  let swallowClickUntil = 0;

  function end(reset = true) {
    if (!gesture) return;
    clearTimeout(gesture.timer);
    if (reset) release(gesture);
    gesture = null;
  }

  function release(g: Gesture) {
    const { row, hint } = g;
    if (!row.style.transform) return hint?.remove();
    row.style.transition = 'transform 150ms ease-out';
    row.style.transform = '';
    row.addEventListener(
      'transitionend',
      () => {
        row.style.transition = '';
        hint?.remove();
      },
      { once: true },
    );
    // No transition runs when the user prefers reduced motion (or the row left the list): clean up anyway.
    setTimeout(() => hint?.remove(), 300);
  }

  function actionFor(g: Gesture, dx: number): RowAction | null {
    const actions = handlers.actionsOf(g.id);
    return dx > 0 ? (actions?.swipeRight ?? null) : (actions?.swipeLeft ?? null);
  }

  function showHint(g: Gesture, action: RowAction | null, dx: number) {
    const slot = g.row.parentElement;
    if (!slot) return;
    if (!g.hint) {
      g.hint = document.createElement('div');
      g.hint.setAttribute('aria-hidden', 'true');
      g.hint.style.cssText = 'position:absolute;inset:0;display:flex;align-items:center;padding:0 1.25rem;font-weight:700;z-index:0';
      slot.prepend(g.hint);
    }
    const armed = action !== null && Math.abs(dx) >= threshold(g.row.offsetWidth);
    g.hint.textContent = action ? handlers.labelOf(action) : '';
    g.hint.style.justifyContent = dx > 0 ? 'flex-start' : 'flex-end';
    g.hint.style.background = !action ? 'var(--surface-2)' : action === 'snooze' ? 'var(--note-bg)' : 'var(--brand)';
    g.hint.style.color = action === 'snooze' ? 'var(--note-text)' : 'var(--on-brand)';
    g.hint.style.opacity = armed ? '1' : '0.6';
    g.hint.dataset.armed = String(armed);
  }

  function onpointerdown(event: PointerEvent) {
    if (event.pointerType === 'mouse' || !event.isPrimary) return;
    const target = event.target as Element;
    const row = target.closest<HTMLElement>('[data-row]');
    // The menu button is tapped, never dragged.
    if (!row || !root.contains(row) || target.closest('button')) return;
    end();
    const id = rowId(row);
    const g: Gesture = { pointerId: event.pointerId, id, row, x: event.clientX, y: event.clientY, state: 'pending', hint: null, dx: 0, timer: 0 as never };
    g.timer = setTimeout(() => {
      if (gesture !== g || g.state !== 'pending') return;
      g.state = 'done';
      swallowClickUntil = Date.now() + 1000;
      navigator.vibrate?.(10);
      handlers.onhold(id, row);
    }, HOLD_MS);
    gesture = g;
  }

  function onpointermove(event: PointerEvent) {
    const g = gesture;
    if (!g || event.pointerId !== g.pointerId || g.state === 'done') return;
    const dx = event.clientX - g.x;
    const dy = event.clientY - g.y;
    if (g.state === 'pending') {
      if (Math.abs(dy) > SLOP && Math.abs(dy) >= Math.abs(dx)) return end();
      if (Math.abs(dx) <= SLOP) return;
      clearTimeout(g.timer);
      g.state = 'swiping';
      g.row.setPointerCapture?.(event.pointerId);
    }
    const action = actionFor(g, dx);
    // A direction with nothing to do still moves a little, so the row feels alive but clearly will not act.
    g.dx = action ? dx : dx / 4;
    g.row.style.transform = `translateX(${g.dx}px)`;
    showHint(g, action, dx);
  }

  function onpointerup(event: PointerEvent) {
    const g = gesture;
    if (!g || event.pointerId !== g.pointerId) return;
    if (g.state === 'swiping') {
      swallowClickUntil = Date.now() + 500;
      const action = actionFor(g, g.dx);
      if (action && Math.abs(g.dx) >= threshold(g.row.offsetWidth)) handlers.onswipe(g.id, action, g.row);
    }
    end();
  }

  function onpointercancel(event: PointerEvent) {
    if (gesture && event.pointerId === gesture.pointerId) end();
  }

  function onclick(event: MouseEvent) {
    if (Date.now() > swallowClickUntil) return;
    swallowClickUntil = 0;
    event.preventDefault();
    event.stopPropagation();
  }

  root.addEventListener('pointerdown', onpointerdown);
  root.addEventListener('pointermove', onpointermove);
  root.addEventListener('pointerup', onpointerup);
  root.addEventListener('pointercancel', onpointercancel);
  root.addEventListener('click', onclick, true);
  return () => {
    end();
    root.removeEventListener('pointerdown', onpointerdown);
    root.removeEventListener('pointermove', onpointermove);
    root.removeEventListener('pointerup', onpointerup);
    root.removeEventListener('pointercancel', onpointercancel);
    root.removeEventListener('click', onclick, true);
  };
}
