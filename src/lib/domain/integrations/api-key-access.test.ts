import { describe, expect, it } from 'vitest';
import { accountRoleOf, checkKeyUse, keyLifetimeDays } from './api-key-access';

const live = { expiresAt: 10_000, revokedAt: null };

describe('API key use', () => {
  it.each([
    ['read-only', 'GET', { ok: true }],
    ['read-only', 'POST', { ok: false, reason: 'api-key-read-only' }],
    ['read-only', 'patch', { ok: false, reason: 'api-key-read-only' }],
    ['read-only', 'DELETE', { ok: false, reason: 'api-key-read-only' }],
    ['agent', 'POST', { ok: true }],
    ['admin', 'DELETE', { ok: true }],
  ] as const)('a %s key may %s: %o', (access, method, expected) => {
    expect(checkKeyUse({ ...live, access }, method, 0)).toEqual(expected);
  });

  it('refuses a revoked or expired key whatever it asks', () => {
    expect(checkKeyUse({ access: 'admin', expiresAt: 10, revokedAt: 5 }, 'GET', 0)).toEqual({ ok: false, reason: 'api-key-revoked' });
    expect(checkKeyUse({ access: 'admin', expiresAt: 10, revokedAt: null }, 'GET', 10)).toEqual({ ok: false, reason: 'api-key-expired' });
  });

  it('acts through an admin account for read-only and admin keys, an agent account for agent keys', () => {
    expect(['read-only', 'agent', 'admin'].map((a) => accountRoleOf(a as never))).toEqual(['admin', 'agent', 'admin']);
  });

  it('clamps lifetimes to one day … about a year', () => {
    expect([0, 1, 30.4, 9999, 'x'].map(keyLifetimeDays)).toEqual([1, 1, 30, 366, null]);
  });
});
