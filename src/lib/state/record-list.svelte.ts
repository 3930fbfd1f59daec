// A list an admin screen loaded from the server, kept current with what the screen itself saves.
import type { SaveResult } from '../client/settings-errors';

export class RecordList<T extends { id: string }> {
  #items = $state<T[]>([]);
  #ready = $state(false);
  #failed = $state('');
  readonly #load: () => Promise<SaveResult<T[]>>;

  constructor(load: () => Promise<SaveResult<T[]>>) {
    this.#load = load;
  }

  get items(): T[] {
    return this.#items;
  }
  /** False until the first answer: tells "loading" from "empty". */
  get ready(): boolean {
    return this.#ready;
  }
  /** The failure reason of the last load (`offline`, `forbidden`, …), or ''. */
  get failed(): string {
    return this.#failed;
  }

  async refresh(): Promise<void> {
    const result = await this.#load();
    this.#ready = true;
    this.#failed = result.ok ? '' : result.reason;
    if (result.ok) this.#items = result.value;
  }

  /** Puts a saved record in place of its old copy, or at the end when it is new. */
  upsert(item: T): void {
    const at = this.#items.findIndex((existing) => existing.id === item.id);
    if (at < 0) this.#items.push(item);
    else this.#items[at] = item;
  }

  remove(id: string): void {
    this.#items = this.#items.filter((item) => item.id !== id);
  }

  find(id: string | null): T | undefined {
    return id === null ? undefined : this.#items.find((item) => item.id === id);
  }
}
