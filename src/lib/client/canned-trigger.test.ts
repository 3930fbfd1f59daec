import { describe, expect, it } from 'vitest';
import { cannedQuery, insertCanned } from './canned-trigger';

describe('cannedQuery', () => {
  it.each([
    ['/', ''],
    ['/tha', 'tha'],
    ['Hello /ret', 'ret'],
    ['Line one\n/bye', 'bye'],
    ['Hello', null],
    ['and/or', null],
    ['/thanks and more', null],
    ['http://x', null],
  ])('reads %j as %j', (draft, query) => {
    expect(cannedQuery(draft)).toBe(query);
  });
});

describe('insertCanned', () => {
  it.each([
    ['/tha', 'Thanks, Maria!', 'Thanks, Maria!'],
    ['Hi there /ret', 'Send it back within 30 days.', 'Hi there Send it back within 30 days.'],
    ['Line one\n/', 'Bye', 'Line one\nBye'],
    ['no trigger', '!', 'no trigger!'],
  ])('replaces the trigger in %j', (draft, text, expected) => {
    expect(insertCanned(draft, text)).toBe(expected);
  });
});
