import type { FailNextSpec } from '../lib/schemas/simulator';

/** Failures injected through /_sim/fail-next, consumed one per accepted-looking send. */
export class FailureQueue {
  #queue: FailNextSpec[] = [];

  add(spec: FailNextSpec): number {
    this.#queue.push({ ...spec });
    return this.size();
  }

  /** The failure for the next send, if any; each spec is used `count` times. */
  take(): FailNextSpec | undefined {
    const head = this.#queue[0];
    if (!head) return undefined;
    head.count -= 1;
    if (head.count <= 0) this.#queue.shift();
    return head;
  }

  size(): number {
    return this.#queue.reduce((sum, spec) => sum + spec.count, 0);
  }

  clear(): void {
    this.#queue = [];
  }
}
