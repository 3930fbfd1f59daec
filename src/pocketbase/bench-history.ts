import { benchCustomer, benchMessage, seededRandom } from './bench-text';

// The search benchmark's year of Spanish and English history as SQL INSERT statements, one batch of 100
// conversations each. Pure (no $app): run by the bench-seed route inside PocketBase, or by the bench itself against
// the stopped server's database with sqlite3, where the same triggers build the search index as in production.

export interface HistoryOptions {
  /** Messages per conversation, alternating customer and agent. */
  messages: number;
  /** The conversations start evenly between these instants (epoch ms), oldest first, as a desk's history grows. */
  from: number;
  to: number;
  seed: number;
}

export interface HistoryTarget {
  channel?: string;
  team?: string;
  /** Assignees, in turn. */
  agents: string[];
}

const BATCH = 100;
const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
const isoDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

/** The INSERTs for `total` conversations, batch by batch (contacts, conversations, then their messages). */
export function* historyStatements(total: number, target: HistoryTarget, history: HistoryOptions, id: () => string): Generator<string> {
  const random = seededRandom(history.seed);
  const step = (history.to - history.from) / total;
  const { agents } = target;
  for (let first = 0; first < total; first += BATCH) {
    const contacts: string[] = [];
    const conversations: string[] = [];
    const messages: string[] = [];
    for (let i = first; i < Math.min(total, first + BATCH); i++) {
      const created = Math.floor(history.from + (i + random() * 0.5) * step);
      const customer = benchCustomer(random);
      const contactId = id();
      const conversationId = id();
      const assignee = agents.length ? (agents[i % agents.length] as string) : '';
      contacts.push(
        `(${quoted(contactId)}, ${quoted(customer.waId)}, ${quoted(customer.name)}, ${quoted(customer.language)}, ${quoted(isoDate(created))}, ${quoted(isoDate(created))})`,
      );
      let last = created;
      let preview = '';
      for (let m = 0; m < history.messages; m++) {
        const fromCustomer = m % 2 === 0;
        const text = benchMessage(random, customer, fromCustomer);
        last = created + m * Math.floor(step / (history.messages + 1));
        preview = text.slice(0, 200);
        messages.push(
          `(${quoted(id())}, ${quoted(conversationId)}, ${fromCustomer ? "'in'" : "'out'"}, 'text', ${quoted(text)}, ${fromCustomer ? "'received'" : "'read'"}, ${fromCustomer ? "'customer'" : "'agent'"}, ${quoted(fromCustomer ? '' : assignee)}, ${quoted(isoDate(last))}, ${quoted(isoDate(last))})`,
        );
      }
      const open = i >= total - total / 50;
      conversations.push(
        `(${quoted(conversationId)}, ${quoted(contactId)}, ${quoted(target.channel ?? '')}, ${open ? "'open'" : "'resolved'"}, ${quoted(target.team ?? '')}, ${quoted(assignee)}, 0, ${quoted(isoDate(created))}, ${quoted(isoDate(last))}, ${quoted(isoDate(created))}, ${quoted(isoDate(last))}, ${quoted(preview)}, ${open ? "''" : quoted(isoDate(last))}, ${open ? "''" : "'agent'"}, 0, 0, 0, 0)`,
      );
    }
    yield `INSERT INTO contacts (id, wa_id, name, language, created, updated) VALUES ${contacts.join(', ')}`;
    yield `INSERT INTO conversations (id, contact, channel, status, team, assignee, priority, created, updated, last_inbound_at, last_message_at, last_message_preview, resolved_at, resolved_by, reopen_count, handover_count, csat_rating, unread_count) VALUES ${conversations.join(', ')}`;
    // Oldest first, as they arrived: the search index's rowids then follow time.
    yield `INSERT INTO messages (id, conversation, direction, type, text, status, sender, author, created, updated) VALUES ${messages.join(', ')}`;
  }
}
