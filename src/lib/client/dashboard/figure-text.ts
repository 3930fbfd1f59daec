// Headline figures as people read them, in the reader's language. Intl lives here, at the edge.
import type { Figure } from './headline';

export interface FigureWords {
  none: string;
  pending: string;
  seconds: (n: string) => string;
  minutes: (n: string) => string;
  hours: (n: string) => string;
  hoursMinutes: (h: string, m: string) => string;
  ofFive: (n: string) => string;
}

/** A duration as "45 s", "12 min", "4 h" or "3 h 5 min". */
export function durationText(ms: number, words: FigureWords, lang: string): string {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return words.seconds(number.format(seconds));
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return words.minutes(number.format(minutes));
  const hours = number.format(Math.floor(minutes / 60));
  return minutes % 60 === 0 ? words.hours(hours) : words.hoursMinutes(hours, number.format(minutes % 60));
}

/** The figure's value with its unit, the "loading" word, or the "no data" mark. */
export function figureText(figure: Figure, words: FigureWords, lang: string): string {
  const { value, unit } = figure;
  if (figure.pending) return words.pending;
  if (value === null) return words.none;
  if (unit === 'duration') return durationText(value, words, lang);
  if (unit === 'rate') return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  if (unit === 'percent') return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
  if (unit === 'rating') return words.ofFive(new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value));
  return new Intl.NumberFormat(lang, { maximumFractionDigits: unit === 'decimal' ? 1 : 0 }).format(value);
}
