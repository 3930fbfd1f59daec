// The device's copy of what the agent sees, plus the outbox of changes made offline. Pages read from here first.
import Dexie, { type EntityTable } from 'dexie';
import type { ChannelHoursRecord } from './channel-record';
import type { ConversationRecord, MessageRecord, NoteRecord } from '../schemas/conversation';
import type { AgentRecord, CannedReplyRecord, ContactRecord, LabelRecord, TeamRecord, TemplateRecord } from '../schemas/directory';

/** Collections the outbox writes to. */
export type OutboxCollection = 'messages' | 'notes' | 'conversations' | 'agents' | 'contacts';

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

/** One message file kept on the device for offline reading; its bytes live in Cache Storage under `key`. */
export interface MediaEntry {
  /** The file's path without its token (`/api/files/messages/<id>/<name>`). */
  key: string;
  conversation: string;
  bytes: number;
  /** Last shown or stored (epoch ms): the least recently used go first when the budget runs out. */
  used_at: number;
}

/** The Cache Storage cache holding message files (named here so clearing the device clears it too). */
export const MEDIA_CACHE = 'pocketdesk-media-v1';

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
  contacts!: EntityTable<ContactRecord, 'id'>;
  agents!: EntityTable<AgentRecord, 'id'>;
  teams!: EntityTable<TeamRecord, 'id'>;
  labels!: EntityTable<LabelRecord, 'id'>;
  channels!: EntityTable<ChannelHoursRecord, 'id'>;
  templates!: EntityTable<TemplateRecord, 'id'>;
  canned_replies!: EntityTable<CannedReplyRecord, 'id'>;
  media!: EntityTable<MediaEntry, 'key'>;

  constructor(name = 'pocketdesk') {
    super(name);
    this.version(1).stores({
      conversations: 'id, status, last_message_at',
      messages: 'id, [conversation+at]',
      notes: 'id, [conversation+at]',
      outbox: '++seq, conversation, state',
      meta: 'key',
    });
    // Customers, colleagues and reference lists, so actions, templates and the manager board work offline too.
    this.version(2)
      .stores({
        conversations: 'id, status, last_message_at, contact',
        contacts: 'id',
        agents: 'id',
        teams: 'id',
        labels: 'id',
        channels: 'id',
        templates: 'id',
        canned_replies: 'id',
      })
      // Conversations kept by version 1 lack the fields added since; they read as empty until the next refresh.
      .upgrade((tx) =>
        tx
          .table('conversations')
          .toCollection()
          .modify((c: Partial<ConversationRecord>) => {
            c.labels ??= [];
            for (const field of ['last_outbound_at', 'first_response_at', 'assigned_at', 'created'] as const) c[field] ??= null;
          }),
      );
    // Issue #18: message files kept for offline reading (the bytes are in Cache Storage).
    this.version(3).stores({ media: 'key, conversation, used_at' });
  }

  /** Forgets everything: used when another agent signs in on this device. */
  async clearAll(): Promise<void> {
    await this.transaction('rw', this.tables, async () => {
      await Promise.all(this.tables.map((table) => table.clear()));
    });
    if (typeof caches !== 'undefined') await caches.delete(MEDIA_CACHE);
  }
}

export const db = new DeskDb();
