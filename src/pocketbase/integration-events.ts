import { erasedData, type ContactData, type ConversationData, type EventData, type MessageData } from '../lib/domain/integrations/event-payload';
import {
  CHAT_EVENT_TYPES,
  contactEventTypes,
  conversationEventTypes,
  isSubscribed,
  messageEventTypes,
  type IntegrationEventType,
} from '../lib/domain/integrations/event-types';
import { epochMs, jsonField, newRecord } from './records';

// Integration events are written by the record hooks of conversations, messages and contacts, in the same transaction
// as the save that caused them (when the save runs outside one, it is wrapped in one here, the way PocketBase itself
// wraps a delete and its cascade). One `integration_events` row per event, one `webhook_deliveries` row per endpoint
// that wants it; the worker delivers them. With no endpoint wanting an event nothing is written at all.

const isChatType = (type: IntegrationEventType) => (CHAT_EVENT_TYPES as readonly string[]).includes(type);

/** What the hooks need of an endpoint to decide whether it wants an event (plain data: it is shared across VMs). */
interface EndpointTarget {
  id: string;
  kind: string;
  channel: string;
  team: string;
  events: string[];
}

interface Target {
  endpoint: EndpointTarget;
  types: IntegrationEventType[];
}

type Facts = Record<string, string | number | boolean>;

function factsOf(collection: string, r: core.Record): Facts {
  if (collection === 'conversations')
    return {
      status: r.getString('status'),
      assignee: r.getString('assignee'),
      team: r.getString('team'),
      csatRating: r.getInt('csat_rating'),
      slaBreached: r.getBool('sla_breached'),
    };
  if (collection === 'messages') return { direction: r.getString('direction'), status: r.getString('status') };
  return { erased: Boolean(jsonField<{ erased_at?: string }>(r, 'attributes', {}).erased_at) };
}

function typesFor(collection: string, before: Facts | null, after: Facts): IntegrationEventType[] {
  if (collection === 'conversations') return conversationEventTypes(before as never, after as never);
  if (collection === 'messages') return messageEventTypes(before as never, after as never);
  return contactEventTypes(before as never, after as never);
}

/**
 * Where a record object remembers the facts of its last save. PocketBase keeps `original()` at the state the object
 * was loaded (or blank for one created in code), so a flow that saves the same object twice would otherwise be told
 * the same change twice. A key that is not a field: never stored, and left out of answers.
 */
const SAVED_FACTS = '@integration_facts';

function factsBefore(collection: string, record: core.Record): Facts | null {
  const saved = record.get(SAVED_FACTS);
  if (typeof saved === 'string' && saved) return JSON.parse(saved) as Facts;
  return record.isNew() ? null : factsOf(collection, record.original());
}

const ENDPOINTS_KEY = 'pocketdesk:integration-endpoints';
const ENDPOINTS_VERSION_KEY = 'pocketdesk:integration-endpoints-version';

const endpointsVersion = (): number => Number($app.store().get(ENDPOINTS_VERSION_KEY) ?? 0);

/**
 * The endpoints that may want events, read once and shared across the VM pool until one of them changes
 * (forgetEndpoints): every save of a contact, ticket or message asks, and reading them each time was ~7 % of the
 * CPU spent applying a new customer's message. Read through `$app`, never a transaction: the cache holds committed
 * rows only, and a copy read while an endpoint changed is never kept (the version moved).
 */
function liveEndpoints(): EndpointTarget[] {
  const version = endpointsVersion();
  const cached = $app.store().get(ENDPOINTS_KEY);
  if (typeof cached === 'string') {
    const entry = JSON.parse(cached) as { version: number; endpoints: EndpointTarget[] };
    if (entry.version === version) return entry.endpoints;
  }
  const endpoints = ($app as unknown as core.App)
    .findRecordsByFilter('webhook_endpoints', 'kind = "webhook" || active = true', '', 0, 0)
    .flatMap((r) =>
      r
        ? [{ id: r.id, kind: r.getString('kind'), channel: r.getString('channel'), team: r.getString('team'), events: jsonField<string[]>(r, 'events', []) }]
        : [],
    );
  if (endpointsVersion() === version) $app.store().set(ENDPOINTS_KEY, JSON.stringify({ version, endpoints }));
  return endpoints;
}

/** onRecordAfter{Create,Update,Delete}Success('webhook_endpoints'), after the commit: the next save reads them again. */
export function forgetEndpoints(e: core.RecordEvent): void {
  $app.store().set(ENDPOINTS_VERSION_KEY, endpointsVersion() + 1);
  $app.store().remove(ENDPOINTS_KEY);
  e.next();
}

/** Endpoints that want any of these events; chat targets only while active and within their channel / team. */
function targetsFor(types: IntegrationEventType[], scope: { channel: string; team: string } | null): Target[] {
  const targets: Target[] = [];
  for (const endpoint of liveEndpoints()) {
    const chat = endpoint.kind === 'chat';
    if (chat) {
      const { channel, team } = endpoint;
      if ((channel || team) && (!scope || (channel && channel !== scope.channel) || (team && team !== scope.team))) continue;
    }
    const wanted = types.filter((type) => isChatType(type) === chat && isSubscribed(endpoint.events, type));
    if (wanted.length) targets.push({ endpoint, types: wanted });
  }
  return targets;
}

const iso = (record: core.Record, field: string) => {
  const ms = epochMs(record, field);
  return ms === null ? null : new Date(ms).toISOString();
};

export function conversationData(c: core.Record): ConversationData {
  return {
    id: c.id,
    status: c.getString('status'),
    channel_id: c.getString('channel'),
    contact_id: c.getString('contact'),
    team_id: c.getString('team') || null,
    assignee_id: c.getString('assignee') || null,
    priority: c.getInt('priority'),
    labels: c.getStringSlice('labels'),
    csat_rating: c.getInt('csat_rating') || null,
    sla_breached: c.getBool('sla_breached'),
    created_at: iso(c, 'created') ?? new Date().toISOString(),
    resolved_at: iso(c, 'resolved_at'),
  };
}

function messageData(m: core.Record): MessageData {
  return {
    id: m.id,
    conversation_id: m.getString('conversation'),
    direction: m.getString('direction') === 'in' ? 'in' : 'out',
    type: m.getString('type'),
    text: m.getString('text'),
    status: m.getString('status'),
    author_id: m.getString('author') || null,
    error_code: m.getInt('error_code') || null,
    created_at: iso(m, 'created') ?? new Date().toISOString(),
  };
}

function contactData(c: core.Record): ContactData {
  return {
    id: c.id,
    name: c.getString('name'),
    wa_id: c.getString('wa_id'),
    profile_name: c.getString('profile_name'),
    language: c.getString('language'),
    labels: c.getStringSlice('labels'),
    created_at: iso(c, 'created') ?? new Date().toISOString(),
  };
}

interface Subject {
  data: EventData;
  orderKey: string;
  contact: string;
  conversation: string;
}

function subjectOf(app: core.App, collection: string, record: core.Record, type: IntegrationEventType): Subject {
  if (collection === 'conversations')
    return { data: { conversation: conversationData(record) }, orderKey: record.id, contact: record.getString('contact'), conversation: record.id };
  if (collection === 'messages') {
    const conversationId = record.getString('conversation');
    const conversation = app.findRecordsByFilter('conversations', 'id = {:id}', '', 1, 0, { id: conversationId } as dbx.Params)[0];
    return {
      data: { message: messageData(record), conversation_id: conversationId },
      orderKey: conversationId,
      contact: conversation?.getString('contact') ?? '',
      conversation: conversationId,
    };
  }
  const data: EventData = type === 'contact.erased' ? { contact_id: record.id } : { contact: contactData(record) };
  return { data, orderKey: record.id, contact: record.id, conversation: '' };
}

/** The next number in the desk-wide event order (the writer lock makes MAX + 1 safe). */
function nextSeq(app: core.App): number {
  const row = new DynamicModel({ next: 0 });
  app.db().newQuery('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM integration_events').one(row);
  return Number((row as unknown as { next: number }).next);
}

/** Writes one event and its deliveries; returns the event record. */
export function writeEvent(app: core.App, type: IntegrationEventType, subject: Subject, endpoints: ReadonlyArray<{ id: string }>): core.Record {
  const seq = nextSeq(app);
  const event = newRecord(app, 'integration_events', {
    type,
    seq,
    order_key: subject.orderKey,
    contact: subject.contact,
    conversation: subject.conversation,
    occurred_at: new Date().toISOString(),
    data: subject.data,
  });
  app.save(event);
  for (const endpoint of endpoints) {
    app.save(
      newRecord(app, 'webhook_deliveries', { endpoint: endpoint.id, event: event.id, type, seq, order_key: subject.orderKey, status: 'pending', attempts: 0 }),
    );
  }
  return event;
}

function writeEvents(app: core.App, collection: string, record: core.Record, targets: Target[], types: IntegrationEventType[]): void {
  for (const type of types) {
    const endpoints = targets.filter((t) => t.types.includes(type)).map((t) => t.endpoint);
    if (endpoints.length) writeEvent(app, type, subjectOf(app, collection, record, type), endpoints);
  }
}

/** onRecordCreate/onRecordUpdate('conversations', 'messages', 'contacts'): the events this save stands for. */
export function recordIntegrationEvents(e: core.RecordEvent): void {
  const record = e.record!;
  const collection = record.collection().name;
  const after = factsOf(collection, record);
  const types = typesFor(collection, factsBefore(collection, record), after);
  const scope = collection === 'conversations' ? { channel: record.getString('channel'), team: record.getString('team') } : null;
  const targets = types.length ? targetsFor(types, scope) : [];
  if (!targets.length) {
    e.next();
    record.set(SAVED_FACTS, JSON.stringify(after));
    return;
  }
  if (e.app.isTransactional()) {
    e.next();
    writeEvents(e.app, collection, record, targets, types);
    record.set(SAVED_FACTS, JSON.stringify(after));
    return;
  }
  const outer = e.app;
  try {
    outer.runInTransaction((txApp) => {
      e.app = txApp;
      e.next();
      writeEvents(txApp, collection, record, targets, types);
    });
    record.set(SAVED_FACTS, JSON.stringify(after));
  } finally {
    e.app = outer;
  }
}

/**
 * Part of a customer's erasure (same transaction): events about them keep only ids, and deliveries still waiting
 * are dropped, so nothing sent after the erasure carries their data. The `contact.erased` event itself stays.
 */
export function dropPendingDeliveriesOf(app: core.App, contactId: string): number {
  let dropped = 0;
  const events = app.findRecordsByFilter('integration_events', 'contact = {:c} && type != "contact.erased"', '', 0, 0, { c: contactId } as dbx.Params);
  for (const event of events) {
    if (!event) continue;
    event.set('data', erasedData(jsonField<EventData>(event, 'data', { contact_id: contactId })));
    app.save(event);
    for (const delivery of app.findRecordsByFilter('webhook_deliveries', 'event = {:e} && status = "pending"', '', 0, 0, { e: event.id } as dbx.Params)) {
      if (!delivery) continue;
      delivery.set('status', 'dropped');
      delivery.set('last_error', 'customer-erased');
      delivery.set('claimed_until', '');
      app.save(delivery);
      dropped++;
    }
  }
  return dropped;
}
