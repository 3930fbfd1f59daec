// Closing a popover the way people expect: a tap outside it or the Escape key. A Svelte action on the element that
// holds both the toggle button and the popover, so a tap on the toggle itself is left to the toggle.

/** Calls `close` on a pointer press outside `node` or on Escape (then focus returns to the node's first button). */
export function dismissable(node: HTMLElement, close: () => void) {
  let onclose = close;
  const onpointer = (event: PointerEvent) => {
    if (!node.contains(event.target as Node)) onclose();
  };
  const onkey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    onclose();
    node.querySelector('button')?.focus();
  };
  document.addEventListener('pointerdown', onpointer);
  node.addEventListener('keydown', onkey);
  return {
    update(next: () => void) {
      onclose = next;
    },
    destroy() {
      document.removeEventListener('pointerdown', onpointer);
      node.removeEventListener('keydown', onkey);
    },
  };
}
