// A Dexie live query as a rune: re-runs when the database changes and when its arguments change.
import { liveQuery } from 'dexie';

export class LiveQuery<T, A = void> {
  #value: T = $state() as T;
  #ready = $state(false);

  /**
   * `args` is read inside an effect, so the reactive values it touches (route params) re-subscribe the query.
   * Reading them inside `query` would not: Dexie runs it later, outside Svelte's tracking.
   * Create during component initialisation; the subscription ends with the component.
   */
  constructor(args: () => A, query: (args: A) => Promise<T>, initial: T) {
    this.#value = initial;
    $effect(() => {
      const current = args();
      const subscription = liveQuery(() => query(current)).subscribe({
        next: (value) => {
          this.#value = value;
          this.#ready = true;
        },
        error: (error) => console.error('live query failed', error),
      });
      return () => subscription.unsubscribe();
    });
  }

  get current(): T {
    return this.#value;
  }

  /** False until the first result arrives: distinguishes "loading" from "empty". */
  get ready(): boolean {
    return this.#ready;
  }
}
