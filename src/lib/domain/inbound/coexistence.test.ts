import { describe, expect, it } from 'vitest';
import { OWNER_QUIET_MS, ownerAnswersFromPhone } from './coexistence';

describe('ownerAnswersFromPhone', () => {
  const at = 1_764_000_000_000;
  it('keeps the desk quiet while the owner answered from the phone in the last 24 hours', () => {
    expect(ownerAnswersFromPhone({ coexistence: true, lastBusinessAppReplyAt: at - 3_600_000 }, at)).toBe(true);
    expect(ownerAnswersFromPhone({ coexistence: true, lastBusinessAppReplyAt: at + 5_000 }, at)).toBe(true);
  });
  it('lets the desk answer after 24 hours, when the owner never answered, or on a number without Coexistence', () => {
    expect(ownerAnswersFromPhone({ coexistence: true, lastBusinessAppReplyAt: at - OWNER_QUIET_MS }, at)).toBe(false);
    expect(ownerAnswersFromPhone({ coexistence: true, lastBusinessAppReplyAt: null }, at)).toBe(false);
    expect(ownerAnswersFromPhone({ coexistence: false, lastBusinessAppReplyAt: at - 1_000 }, at)).toBe(false);
  });
});
