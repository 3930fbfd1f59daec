// Coordinates for the dashboard's SVG charts, in a fixed viewBox the components scale to their width.

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max` (at least 1), so axis labels are round numbers. */
export function niceCeiling(max: number): number {
  if (!(max > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface Plot {
  width: number;
  height: number;
}

/** A series as an SVG polyline and the closed area under it; one point is drawn as a flat line across. */
export function linePaths(values: readonly number[], plot: Plot, top: number): { line: string; area: string } {
  if (values.length === 0) return { line: '', area: '' };
  const y = (value: number) => plot.height - (Math.max(0, value) / top) * plot.height;
  const step = values.length > 1 ? plot.width / (values.length - 1) : plot.width;
  const points =
    values.length > 1
      ? values.map((value, i) => [i * step, y(value)])
      : [
          [0, y(values[0] as number)],
          [plot.width, y(values[0] as number)],
        ];
  const line = points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${round(px as number)} ${round(py as number)}`).join(' ');
  const last = points[points.length - 1] as number[];
  return { line, area: `${line} L${round(last[0] as number)} ${plot.height} L0 ${plot.height} Z` };
}

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Vertical bars side by side across the plot, `gap` (0–1) of each slot left empty. */
export function barRects(values: readonly number[], plot: Plot, top: number, gap = 0.2): BarRect[] {
  if (values.length === 0) return [];
  const slot = plot.width / values.length;
  return values.map((value, i) => {
    const height = (Math.max(0, value) / top) * plot.height;
    return { x: round(i * slot + (slot * gap) / 2), y: round(plot.height - height), width: round(slot * (1 - gap)), height: round(height) };
  });
}

const round = (value: number) => Math.round(value * 10) / 10;
