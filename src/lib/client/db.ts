// The device's copy of what the agent sees, plus the outbox of changes made offline. Pages read from here first.
import Dexie, { type EntityTable } from 'dexie';
import type { ConversationRecord, MessageRecord, NoteRecord } from '../schemas/conversation';

/** Collections the outbox writes to. */
export type OutboxCollection = 'messages' | 'notes' | 'conversations' | 'agents';

/** One change waiting for the server, in the order it was made. */
export interface OutboxItem {
  /** Auto-increment: the order the agent made the changes in, which is the order they are sent. */
  seq?: number;
  collection: OutboxCollection;
  op: 'create' | 'update';
  /** Client-chosen id for creates (makes retries idempotent); the target record for updates. */
  record_id: string;
  /** The conversation it belongs to, '' for changes to the agent's own record. */
  conversation: string;
  data: Record<string, unknown>;
  created_at: number;
  state: 'pending' | 'refused';
  /** Stable reason code when refused (`window-closed`, `forbidden`, `invalid`). */
  reason: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export class DeskDb extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  messages!: EntityTable<MessageRecord, 'id'>;
  notes!: EntityTable<NoteRecord, 'id'>;
  outbox!: EntityTable<OutboxItem, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name = 'pocketdesk') {
    super(name);
    this.version(1).stores({
      conversations: 'id, status, last_message_at',
      messages: 'id, [conversation+at]',
      notes: 'id, [conversation+at]',
      outbox: '++seq, conversation, state',
      meta: 'key',
    });
  }

  /** Forgets everything: used when another agent signs in on this device. */
  async clearAll(): Promise<void> {
    await this.transaction('rw', [this.conversations, this.messages, this.notes, this.outbox, this.meta], async () => {
      await Promise.all([this.conversations.clear(), this.messages.clear(), this.notes.clear(), this.outbox.clear(), this.meta.clear()]);
    });
  }
}

export const db = new DeskDb();
