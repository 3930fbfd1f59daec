import { describe, expect, it } from 'vitest';
import { afterNextPaint, afterPaint } from './after-paint';

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('afterPaint', () => {
  it('runs the queued pieces later, in order, each in a task of its own', async () => {
    const ran: string[] = [];
    for (const name of ['sync', 'renew', 'push']) afterPaint(() => ran.push(name));
    expect(ran).toEqual([]);
    // A piece's microtasks run before the next piece: they are separate tasks.
    afterPaint(() => void Promise.resolve().then(() => ran.push('sync microtask')));
    afterPaint(() => ran.push('after microtask'));
    await settle();
    expect(ran).toEqual(['sync', 'renew', 'push', 'sync microtask', 'after microtask']);
  });

  it('skips a cancelled piece, and one that throws does not stop the others', async () => {
    const ran: string[] = [];
    const cancel = afterPaint(() => ran.push('cancelled'));
    afterPaint(() => {
      throw new Error('boom');
    });
    afterPaint(() => ran.push('kept'));
    cancel();
    const errors = console.error;
    console.error = () => {};
    try {
      await settle();
    } finally {
      console.error = errors;
    }
    expect(ran).toEqual(['kept']);
  });

  it('runs work queued after the queue emptied', async () => {
    const ran: string[] = [];
    afterPaint(() => ran.push('first'));
    await settle();
    afterPaint(() => ran.push('second'));
    await settle();
    expect(ran).toEqual(['first', 'second']);
  });
});

describe('afterNextPaint', () => {
  it('runs the work once, in a later task than the one that asked, before idle work queued first', async () => {
    const ran: string[] = [];
    afterPaint(() => ran.push('idle work'));
    afterNextPaint(() => ran.push('next frame'));
    void Promise.resolve().then(() => ran.push('same task'));
    expect(ran).toEqual([]);
    await settle();
    expect(ran).toEqual(['same task', 'next frame', 'idle work']);
  });
});
