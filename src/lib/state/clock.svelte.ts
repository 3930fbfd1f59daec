// "Now" for countdowns and relative times, ticking only while something on screen reads it.
import { createSubscriber } from 'svelte/reactivity';

const TICK_MS = 30_000;

class Clock {
  #subscribe = createSubscriber((update) => {
    const id = setInterval(update, TICK_MS);
    return () => clearInterval(id);
  });

  get now(): number {
    this.#subscribe();
    return Date.now();
  }
}

export const clock = new Clock();
