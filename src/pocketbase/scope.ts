import { immediateWriter, type Writer } from './effects';

/**
 * Where a decision gets the records around a conversation and puts what it writes. Outside an inbound event the
 * direct scope loads each record when asked and writes at once; while an event is applied, its InboundContext
 * (inbound/context.ts) hands out the records it already holds and collects the writes as effects.
 */
export interface Scope {
  writer: Writer;
  contactOf(conversation: core.Record): core.Record;
  agentRecord(id: string): core.Record;
}

export function directScope(app: core.App): Scope {
  return {
    writer: immediateWriter(app),
    contactOf: (conversation) => app.findRecordById('contacts', conversation.getString('contact')),
    agentRecord: (id) => app.findRecordById('agents', id),
  };
}
