import { describe, expect, it } from 'vitest';
import { availabilityOf, capacityOf, DEFAULT_AWAY_AFTER_SILENCE_MS, hasRoom, hasSkill, isAssignable, shouldMarkAway } from './agent-availability';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const hour = 60 * 60 * 1000;

describe('availabilityOf', () => {
  it.each([
    ['online', null, 'assignable'],
    ['online', now + 1, 'assignable'],
    ['online', now, 'shift-ended'],
    ['online', now - hour, 'shift-ended'],
    ['away', null, 'away'],
    ['away', now + hour, 'away'],
    ['offline', null, 'offline'],
    ['offline', now + hour, 'offline'],
  ] as const)('calls a %s agent whose shift ends at %s %s', (status, shiftEndsAt, expected) => {
    expect(availabilityOf({ status, shiftEndsAt }, now)).toBe(expected);
    expect(isAssignable({ status, shiftEndsAt }, now)).toBe(expected === 'assignable');
  });

  it('treats an unknown status as offline', () => {
    expect(availabilityOf({ status: 'busy' as never, shiftEndsAt: null }, now)).toBe('offline');
  });
});

describe('capacity', () => {
  it.each([
    [3, 10, 3],
    [null, 10, 10],
    [0, 10, 10],
    [1, 10, 1],
  ])('an agent with max_open %s (channel default %s) holds %s', (maxOpen, fallback, expected) => {
    expect(capacityOf({ maxOpen }, fallback)).toBe(expected);
  });

  it('has room only below capacity', () => {
    expect(hasRoom({ maxOpen: 2, openCount: 1 }, 10)).toBe(true);
    expect(hasRoom({ maxOpen: 2, openCount: 2 }, 10)).toBe(false);
    expect(hasRoom({ maxOpen: 2, openCount: 7 }, 10)).toBe(false);
  });
});

describe('shouldMarkAway', () => {
  it.each([
    [now - 5 * 60_000, undefined, false],
    [now - DEFAULT_AWAY_AFTER_SILENCE_MS + 1, undefined, false],
    [now - DEFAULT_AWAY_AFTER_SILENCE_MS, undefined, true],
    [now - 10 * hour, undefined, true],
    [null, undefined, false],
    [now - 31 * 60_000, 30 * 60_000, true],
  ])('with the last heartbeat at %s and silence %s says %s', (lastSeen, silenceMs, expected) => {
    expect(shouldMarkAway(lastSeen, now, silenceMs)).toBe(expected);
  });

  it('waits hours, not minutes, by default', () => {
    expect(DEFAULT_AWAY_AFTER_SILENCE_MS).toBeGreaterThanOrEqual(2 * hour);
  });
});

describe('hasSkill', () => {
  it.each([
    [['billing'], [], 'billing', true],
    [['Billing'], [], 'billing', true],
    [[], ['es'], 'es', true],
    [[], ['ES'], 'es', true],
    [['es-support'], ['pt'], 'es', false],
    [[], [], 'es', false],
  ])('skills %j and languages %j cover %s: %s', (skills, languages, skill, expected) => {
    expect(hasSkill({ skills, languages }, skill)).toBe(expected);
  });
});
