// What the agent searched and filtered the queue by: kept while they open a conversation and come back.
import type { QueueFilter } from '../client/queue-search';

class QueueFilterState {
  #query = $state('');
  #label = $state('');
  #channel = $state('');

  get query(): string {
    return this.#query;
  }
  set query(value: string) {
    this.#query = value;
  }

  get label(): string {
    return this.#label;
  }
  set label(value: string) {
    this.#label = value;
  }

  get channel(): string {
    return this.#channel;
  }
  set channel(value: string) {
    this.#channel = value;
  }

  get value(): QueueFilter {
    return { query: this.#query, label: this.#label, channel: this.#channel };
  }

  clear(): void {
    this.#query = '';
    this.#label = '';
    this.#channel = '';
  }
}

export const queueFilter = new QueueFilterState();
