import { describe, expect, it } from 'vitest';
import { customerDisplayName } from './display-name';

describe('customerDisplayName', () => {
  const none = { name: '', profileName: '', username: '', waId: '' };
  it('prefers the name an agent gave, then the profile name, the username and the number', () => {
    expect(customerDisplayName({ name: 'Maria', profileName: 'M', username: 'm_l', waId: '1555' })).toBe('Maria');
    expect(customerDisplayName({ ...none, profileName: 'M', username: 'm_l', waId: '1555' })).toBe('M');
    expect(customerDisplayName({ ...none, username: 'm_l', waId: '1555' })).toBe('m_l');
    expect(customerDisplayName({ ...none, waId: '1555' })).toBe('1555');
  });
  it('is empty when nothing is known', () => {
    expect(customerDisplayName(none)).toBe('');
  });
});
