import { describe, expect, it } from 'vitest';
import { formatAhead, formatClock, formatHandleMinutes, formatWhen } from './format';

// 2026-03-04 14:05 and 2026-03-02 09:30 local time.
const now = new Date(2026, 2, 4, 14, 5).getTime();
const earlier = new Date(2026, 2, 2, 9, 30).getTime();

describe('formatters kept per language and options', () => {
  it('formats the same as a fresh Intl formatter, call after call', () => {
    for (let i = 0; i < 3; i++) {
      expect(formatClock(now, 'en')).toBe(new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(now));
      expect(formatClock(earlier, 'en')).toBe(new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }).format(earlier));
    }
  });

  it('keeps each language and each set of options apart', () => {
    const clock = { en: formatClock(now, 'en'), es: formatClock(now, 'es') };
    expect(clock.en).not.toBe(clock.es);
    expect(formatClock(now, 'en')).toBe(clock.en);
    // Another day: the short date, not the clock made with other options.
    expect(formatWhen(earlier, now, 'es')).toBe(new Intl.DateTimeFormat('es', { day: 'numeric', month: 'short' }).format(earlier));
    expect(formatAhead(earlier, now, 'en')).toBe(
      new Intl.DateTimeFormat('en', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(earlier),
    );
  });
});

describe('formatHandleMinutes', () => {
  it('says minutes under two hours and hours to one decimal from there', () => {
    expect([45, 119, 120, 150, 360].map(formatHandleMinutes)).toEqual(['45 min', '119 min', '2 h', '2.5 h', '6 h']);
  });
});
