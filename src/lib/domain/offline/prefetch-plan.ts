// Which conversations a prefetch downloads: those of the agent's queues whose thread changed since the device last
// kept it, so a repeat sync transfers only what changed.

/** What the plan reads of a conversation. */
export interface PrefetchCandidate {
  id: string;
  /** The conversation's newest message time (epoch ms), null before the first. */
  last_message_at: number | null;
  /** Last change of the record itself (epoch ms): media arriving later moves it too. */
  updated: number | null;
}

/** Per conversation, the version of the thread the device holds (see `threadVersion`). */
export type PrefetchMarks = Readonly<Record<string, number>>;

/** The version of a conversation's thread as far as the queue can tell: its newest activity. */
export function threadVersion(conversation: PrefetchCandidate): number {
  return Math.max(conversation.last_message_at ?? 0, conversation.updated ?? 0);
}

export interface PrefetchPlan {
  /** Conversations to download, in the order given (the caller puts the agent's own first). */
  download: string[];
  /** Marks to keep after a successful download: conversations that left the queues are dropped. */
  marks: Record<string, number>;
}

/** The conversations to download now and the marks to keep once they are stored. */
export function planPrefetch(queue: readonly PrefetchCandidate[], marks: PrefetchMarks): PrefetchPlan {
  const download: string[] = [];
  const next: Record<string, number> = {};
  for (const conversation of queue) {
    const version = threadVersion(conversation);
    next[conversation.id] = version;
    if (marks[conversation.id] !== version) download.push(conversation.id);
  }
  return { download, marks: next };
}
