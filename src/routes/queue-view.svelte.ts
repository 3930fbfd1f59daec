// The queue screen's data: the cached conversations split into tabs, narrowed by the agent's search and filters.
// Each cache change groups the queue once and each filter change scans it once; the tab counts come from that pass.
import { liveQuery } from 'dexie';
import { db } from '$lib/client/db';
import { buildSearchIndex, compileFilter, filterGroups, isFiltering } from '$lib/client/queue-search';
import { loadFilterOptions, loadFirstRows, loadSearchSources, type SearchSources } from '$lib/client/queue-sources';
import { groupByTab, QUEUE_TABS, type QueueTab } from '$lib/client/queue-tabs';
import type { ConversationRecord } from '$lib/schemas/conversation';
import { LiveQuery } from '$lib/state/live-query.svelte';
import { queueFilter } from '$lib/state/queue-filter.svelte';
import { session } from '$lib/state/session.svelte';

/** Rows read ahead of the whole queue: a phone screen's worth. */
const FIRST_ROWS = 16;

export class QueueView {
  // Raw, not deep state: thousands of read-only rows would otherwise each become a proxy on every read.
  #all = $state.raw<ConversationRecord[] | null>(null);
  #first = $state.raw<{ tab: QueueTab; rows: ConversationRecord[] } | null>(null);
  #sources = $state.raw<SearchSources | null>(null);
  // A boolean, so typing more letters does not re-read the message cache.
  #searching = $derived(queueFilter.query.trim() !== '');
  #groups = $derived(this.#all ? groupByTab(this.#all, session.agent?.id ?? '') : null);
  #index = $derived(this.#all && this.#sources ? buildSearchIndex(this.#all, this.#sources.phoneByContact, this.#sources.messages) : null);
  #filtered = $derived.by(() => {
    if (!this.#groups || !isFiltering(queueFilter.value)) return this.#groups;
    // Until the message cache is read, a search would wrongly match nothing: no rows and no counts meanwhile.
    if (this.#searching && !this.#index) return null;
    return filterGroups(this.#groups, compileFilter(queueFilter.value, this.#index));
  });
  // What the device's search lists in any tab: the server's older results leave these out.
  #matched = $derived(this.#searching && this.#filtered ? new Set(QUEUE_TABS.flatMap((tab) => this.#filtered![tab].map((c) => c.id))) : new Set<string>());
  #counts = $derived(this.#filtered ? (Object.fromEntries(QUEUE_TABS.map((tab) => [tab, this.#filtered![tab].length])) as Record<QueueTab, number>) : null);
  #options = new LiveQuery(
    () => undefined,
    () => loadFilterOptions(db),
    { labels: [], channels: [] },
  );

  /** Create during component initialisation, with the tab first shown; subscriptions end with the component. */
  constructor(firstTab: QueueTab) {
    // The queue-render benchmark times from here: the rest of the page load is not the queue's doing.
    if (performance.getEntriesByName('queue-read-start').length === 0) performance.mark('queue-read-start');
    const first = loadFirstRows(db, firstTab, session.agent?.id ?? '', FIRST_ROWS)
      .then((rows) => (this.#first = rows && { tab: firstTab, rows }))
      .catch((error) => console.error('first rows failed', error));
    $effect(() => {
      let subscription: { unsubscribe(): void } | null = null;
      let ended = false;
      // Only after the first rows: started together, the long read holds up the short one (measured in the bench).
      void first.then(() => {
        if (ended) return;
        subscription = liveQuery(() => db.conversations.toArray()).subscribe({
          next: (rows) => (this.#all = rows),
          error: (error) => console.error('queue query failed', error),
        });
      });
      return () => {
        ended = true;
        subscription?.unsubscribe();
      };
    });
    $effect(() => {
      if (!this.#searching) {
        this.#sources = null;
        return;
      }
      const subscription = liveQuery(() => loadSearchSources(db)).subscribe({
        next: (sources) => (this.#sources = sources),
        error: (error) => console.error('search sources failed', error),
      });
      return () => subscription.unsubscribe();
    });
  }

  /** The rows of `tab`: all of them once the cache is read, the first screen before (unless filtering). */
  rowsOf(tab: QueueTab): ConversationRecord[] | null {
    if (this.#groups) return this.#filtered?.[tab] ?? null;
    return this.#first?.tab === tab && !isFiltering(queueFilter.value) ? this.#first.rows : null;
  }

  /** False while only the first screen is known. */
  get complete(): boolean {
    return this.#all !== null;
  }

  /** Per tab, null until the whole queue is read (and while a new search reads the message cache). */
  get counts(): Record<QueueTab, number> | null {
    return this.#counts;
  }

  /** Ids of the conversations the device's search matches, across tabs (empty when not searching). */
  get matchedIds(): ReadonlySet<string> {
    return this.#matched;
  }

  /** True while a search is typed (not only filters). */
  get searching(): boolean {
    return this.#searching;
  }

  get filtering(): boolean {
    return isFiltering(queueFilter.value);
  }

  get options() {
    return this.#options.current;
  }
}
