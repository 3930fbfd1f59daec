// After a page change, focus goes to the new page's heading, so a screen reader announces where the person is and
// the keyboard starts from the top of the new page (SvelteKit alone leaves focus on <body>).

/**
 * Focuses the page's `h1` for the next `frames` animation frames: a screen that is still loading may replace its
 * heading (a "Loading" heading, then the customer's name), and focus follows. Stops as soon as the person moves focus.
 */
export function focusHeading(frames = 60): void {
  const started = document.activeElement;
  let focused: HTMLElement | null = null;
  const attempt = (left: number) => {
    const active = document.activeElement;
    const ours = active === started || active === document.body || active === focused;
    if (!ours || left === 0) return;
    const heading = document.querySelector<HTMLElement>('.detail-pane h1, main h1') ?? document.querySelector<HTMLElement>('h1');
    if (heading && heading !== active) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      focused = heading;
    }
    requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames));
}
