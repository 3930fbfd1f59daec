// What the agent searched and filtered the queue by: kept while they open a conversation and come back.
import type { QueueFilter } from '../client/queue-search';

class QueueFilterState {
  #query = $state('');
  #label = $state('');
  #channel = $state('');
  #agent = '';

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

  /** Starts empty for another agent on a shared phone: one agent's search is not the next one's business. */
  belongTo(agentId: string): void {
    if (this.#agent !== agentId) this.clear();
    this.#agent = agentId;
  }

  clear(): void {
    this.#query = '';
    this.#label = '';
    this.#channel = '';
  }
}

export const queueFilter = new QueueFilterState();
