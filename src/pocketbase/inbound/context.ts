import { EffectList } from '../effects';
import { readChannel, type Channel } from '../records/channel';
import type { Scope } from '../scope';
import { GoTimeZone } from '../time-zone';

/**
 * Everything one inbound event's decisions read, loaded once: the channel with its parsed settings, the contact,
 * the agents looked up so far — and the list of effects they write. Nothing downstream reloads what this holds.
 */
export class InboundContext implements Scope {
  readonly writer = new EffectList();
  readonly port = new GoTimeZone();
  readonly channel: Channel;
  contact: core.Record | null = null;
  private readonly agents = new Map<string, core.Record>();
  private everyAgent: core.Record[] | null = null;

  constructor(
    readonly app: core.App,
    readonly channelRecord: core.Record,
    readonly now: number,
  ) {
    this.channel = readChannel(channelRecord, this.port);
  }

  contactOf(conversation: core.Record): core.Record {
    if (this.contact && this.contact.id === conversation.getString('contact')) return this.contact;
    return this.app.findRecordById('contacts', conversation.getString('contact'));
  }

  /** Every agent, loaded once per event (routing reads them all; the greeting and the push then find theirs here). */
  allAgents(): core.Record[] {
    if (!this.everyAgent) {
      this.everyAgent = this.app.findAllRecords('agents').flatMap((agent) => (agent ? [agent] : []));
      for (const agent of this.everyAgent) if (!this.agents.has(agent.id)) this.agents.set(agent.id, agent);
    }
    return this.everyAgent;
  }

  agentRecord(id: string): core.Record {
    let agent = this.agents.get(id);
    if (!agent) {
      agent = this.app.findRecordById('agents', id);
      this.agents.set(id, agent);
    }
    return agent;
  }

  /** Writes what is decided so far, in the event's transaction. */
  flush(): void {
    this.writer.flush(this.app);
  }
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new row with its id chosen now, so that rows decided in the same event can point at it before it is written. */
export function newRecordWithId(app: core.App, collection: string, data: Record<string, unknown>): core.Record {
  const record = new Record(app.findCachedCollectionByNameOrId(collection));
  record.set('id', $security.randomStringWithAlphabet(15, ID_ALPHABET));
  for (const [key, value] of Object.entries(data)) record.set(key, value);
  return record;
}
