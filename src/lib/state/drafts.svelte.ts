// Unsent composer text per conversation, kept on the device so a reload or crash loses nothing.
import { untrack } from 'svelte';
const STORAGE_KEY = 'pocketdesk.drafts';

function load(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

class Drafts {
  #texts = $state<Record<string, string>>(typeof localStorage === 'undefined' ? {} : load());
  #open = $state<string[]>([]);

  get(key: string): string {
    return this.#texts[key] ?? '';
  }

  set(key: string, text: string): void {
    if (text) this.#texts[key] = text;
    else delete this.#texts[key];
    localStorage.setItem(STORAGE_KEY, JSON.stringify(this.#texts));
  }

  /** Marks a composer as on screen; call the returned function when it goes away. */
  open(key: string): () => void {
    // Called from components' effects: untracked, or the effect would depend on the list it changes.
    untrack(() => this.#open.push(key));
    return () => untrack(() => (this.#open = this.#open.filter((k) => k !== key)));
  }

  /** True while a composer on screen holds text: an app update must not reload under the agent's fingers. */
  get hasText(): boolean {
    return this.#open.some((key) => this.get(key).trim() !== '');
  }
}

export const drafts = new Drafts();
