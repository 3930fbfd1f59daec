// The queue screen's data: the cached conversations split into tabs, narrowed by the agent's search and filters.
// Each cache change groups the queue once and each filter change scans it once; the tab counts come from that pass.
import { db } from '$lib/client/db';
import { buildSearchIndex, compileFilter, filterGroups, isFiltering } from '$lib/client/queue-search';
import { loadFilterOptions, loadSearchSources } from '$lib/client/queue-sources';
import { groupByTab, QUEUE_TABS, type QueueTab } from '$lib/client/queue-tabs';
import { LiveQuery } from '$lib/state/live-query.svelte';
import { queueFilter } from '$lib/state/queue-filter.svelte';
import { session } from '$lib/state/session.svelte';

export class QueueView {
  #conversations = new LiveQuery(() => undefined, () => db.conversations.toArray(), []);
  // A boolean, so typing more letters does not re-read the message cache.
  #searching = $derived(queueFilter.query.trim() !== '');
  #sources = new LiveQuery(() => this.#searching, (on) => (on ? loadSearchSources(db) : Promise.resolve(null)), null);
  #groups = $derived(groupByTab(this.#conversations.current, session.agent?.id ?? ''));
  #index = $derived.by(() => {
    const sources = this.#sources.current;
    return sources ? buildSearchIndex(this.#conversations.current, sources.phoneByContact, sources.messages) : null;
  });
  #filtered = $derived(isFiltering(queueFilter.value) ? filterGroups(this.#groups, compileFilter(queueFilter.value, this.#index)) : this.#groups);
  #counts = $derived(Object.fromEntries(QUEUE_TABS.map((tab) => [tab, this.#filtered[tab].length])) as Record<QueueTab, number>);
  #options = new LiveQuery(() => undefined, () => loadFilterOptions(db), { labels: [], channels: [] });

  /** False until the cache has answered, and while a new search still waits for the message cache. */
  get ready(): boolean {
    return this.#conversations.ready && (!this.#searching || this.#index !== null);
  }

  get groups() {
    return this.#filtered;
  }

  get counts(): Record<QueueTab, number> {
    return this.#counts;
  }

  get filtering(): boolean {
    return isFiltering(queueFilter.value);
  }

  get options() {
    return this.#options.current;
  }
}
