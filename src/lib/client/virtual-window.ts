// Which rows of a long, fixed-height list are worth putting in the DOM: the ones on screen plus a margin.

/** Where the viewport is over the list, in CSS pixels; `offset` is how far the list's top is above the viewport's top. */
export interface ListViewport {
  offset: number;
  height: number;
}

export interface WindowSpec {
  count: number;
  itemHeight: number;
  /** Rows kept beyond each edge, so a fast flick or a Tab to the next row never meets a blank. */
  overscan: number;
  /** Up to this many rows everything is rendered: cheap, and find-in-page keeps working on ordinary queues. */
  renderAllUpTo: number;
}

/** Half-open range of row indices, `start` included, `end` excluded. */
export interface RowRange {
  start: number;
  end: number;
}

/** The rows to render for `viewport`; an empty range for an empty list or a list entirely off screen. */
export function visibleRange(viewport: ListViewport, spec: WindowSpec): RowRange {
  const { count, itemHeight, overscan } = spec;
  if (count <= spec.renderAllUpTo) return { start: 0, end: count };
  if (itemHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, viewport.offset);
  const bottom = Math.min(count * itemHeight, viewport.offset + viewport.height);
  if (bottom <= top) return { start: 0, end: 0 };
  const first = Math.floor(top / itemHeight);
  const last = Math.ceil(bottom / itemHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** The indices of `range`, plus `pinned` (the row holding keyboard focus) when it lies outside, in order. */
export function renderedIndices(range: RowRange, pinned: number | null, count: number): number[] {
  const indices: number[] = [];
  const extra = pinned !== null && pinned >= 0 && pinned < count && (pinned < range.start || pinned >= range.end) ? pinned : null;
  if (extra !== null && extra < range.start) indices.push(extra);
  for (let i = range.start; i < range.end; i++) indices.push(i);
  if (extra !== null && extra >= range.end) indices.push(extra);
  return indices;
}

/** The row a keyboard key moves focus to from `current`, or null when the key does not move it. */
export function nextRow(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const target =
    key === 'ArrowDown'
      ? current + 1
      : key === 'ArrowUp'
        ? current - 1
        : key === 'PageDown'
          ? current + pageRows
          : key === 'PageUp'
            ? current - pageRows
            : key === 'Home'
              ? 0
              : key === 'End'
                ? count - 1
                : null;
  return target === null ? null : Math.min(count - 1, Math.max(0, target));
}
