import { businessEventPayload, type BusinessEvent } from './business-events';
import { CAST } from './customers/cast';
import type { InboundRecord } from './message-log';
import { replayPayload } from './replay';
import type { SimulatorContext } from './simulator-context';

// The business side of Meta played over time in the demo (issue #19), the way scripted-customers.ts plays customers:
// a history sync once at start, then one event a minute so a newcomer watching the queue sees each land — an ad
// click, the owner answering a waiting customer from the WhatsApp Business app, a customer's edit, a missed call, a
// template review, a customer's delete, an answered call, an opt-out — and afterwards the owner's phone keeps
// answering whoever waits longest. Fixed order, no randomness, nothing logged; the phone page's buttons play each one
// now through `POST /_sim/business/play`.

export const BUSINESS_PLAYS = [
  'history',
  'ad-click',
  'echo-reply',
  'customer-edit',
  'missed-call',
  'template-review',
  'customer-delete',
  'answered-call',
  'opt-out',
] as const;
export type BusinessPlay = (typeof BUSINESS_PLAYS)[number];

const FIRST_PLAY_MS = 90_000;
const PLAY_GAP_MS = 60_000;
const RETRY_MS = 30_000;
const ECHO_EVERY_MS = 4 * 60_000;
const MINUTE_S = 60;
const DAY_S = 24 * 60 * MINUTE_S;

/** A past customer of the shop the start-up history brings in, and the cast member whose old chat it adds. */
const PAST_CUSTOMER = { phone: '34911223344', name: 'Elena Soto' };
const AD_CUSTOMER = { phone: '34655443322', name: 'Nora Díaz' };

const ECHO_LINES = {
  en: ['Hi! Ana from the shop here, I’m on it 👍', 'Thanks for waiting, checking it right now.'],
  es: ['¡Hola! Soy Ana, de la tienda. Me encargo yo 👍', 'Gracias por esperar, lo miro ahora mismo.'],
};

function historyChunks(prefix: string): BusinessEvent[] {
  const cast = CAST[0]!;
  return [
    {
      kind: 'history',
      to: PAST_CUSTOMER.phone,
      name: PAST_CUSTOMER.name,
      phase: 0,
      chunk: 1,
      progress: 40,
      idPrefix: `wamid.sim-history.${prefix}.1`,
      messages: [
        { fromBusiness: false, text: 'Hola, ¿tenéis la chaqueta verde en talla M?', secondsAgo: 3 * DAY_S },
        { fromBusiness: true, text: '¡Sí! Te la guardamos hasta el sábado.', secondsAgo: 3 * DAY_S - 20 * MINUTE_S },
      ],
    },
    {
      kind: 'history',
      to: cast.phone,
      name: cast.name,
      phase: 1,
      chunk: 1,
      progress: 100,
      idPrefix: `wamid.sim-history.${prefix}.2`,
      messages: [
        { fromBusiness: false, text: 'Do you ship to Canada?', secondsAgo: 40 * DAY_S },
        { fromBusiness: true, text: 'We do: 5–7 working days.', secondsAgo: 40 * DAY_S - 45 * MINUTE_S },
      ],
    },
  ];
}

interface Seen {
  waId: string;
  name?: string;
  language: 'en' | 'es';
  record: InboundRecord;
}

function fromOf(record: InboundRecord): string {
  return typeof record.message['from'] === 'string' ? record.message['from'] : '';
}

/** The cast's messages the simulator delivered, newest last. */
function castMessages(context: SimulatorContext): Seen[] {
  return context.log.inbound.flatMap((record) => {
    const person = CAST.find((p) => p.phone === fromOf(record));
    return person && record.type !== 'reaction' ? [{ waId: person.phone, name: person.name, language: person.language, record }] : [];
  });
}

/** The customer whose last message has waited longest for any business message after it. */
function longestWaiting(context: SimulatorContext): Seen | null {
  const latest = new Map<string, Seen>();
  for (const seen of castMessages(context)) latest.set(seen.waId, seen);
  const waiting = [...latest.values()].filter(
    (seen) => !context.log.outbound.some((out) => out.waId === seen.waId && out.acceptedAt >= seen.record.at && out.type !== 'reaction'),
  );
  return waiting.sort((a, b) => a.record.at - b.record.at)[0] ?? null;
}

/** The state a play reads and advances: which messages were already edited or deleted, how many echoes were sent. */
export interface PlayerMemory {
  touched: Set<string>;
  echoes: number;
  histories: number;
}

export const newPlayerMemory = (): PlayerMemory => ({ touched: new Set(), echoes: 0, histories: 0 });

/** The event a play sends now, from what the simulator has seen; null when there is no customer to play it with yet. */
export function eventForPlay(context: SimulatorContext, play: BusinessPlay, memory: PlayerMemory): BusinessEvent | BusinessEvent[] | null {
  const seen = castMessages(context);
  const latest = seen[seen.length - 1] ?? null;
  const untouchedText = seen.filter((s) => s.record.type === 'text' && !memory.touched.has(s.record.id));
  switch (play) {
    case 'history':
      // Replayed at every start with the same ids (the desk keeps them once); a later one on demand brings new ones.
      return historyChunks(memory.histories++ === 0 ? 'start' : `${context.clock.now()}`);
    case 'ad-click':
      return {
        kind: 'ad-click',
        from: AD_CUSTOMER.phone,
        name: AD_CUSTOMER.name,
        text: 'Hi! I saw your ad. Is the 20% off still on?',
        headline: 'Summer sale: 20% off sneakers',
        adId: '120210000000001',
      };
    case 'echo-reply': {
      const waiting = longestWaiting(context);
      if (!waiting) return null;
      const lines = ECHO_LINES[waiting.language];
      return { kind: 'echo', to: waiting.waId, name: waiting.name, text: lines[memory.echoes++ % lines.length]! };
    }
    case 'customer-edit':
    case 'customer-delete': {
      const target = untouchedText[untouchedText.length - 1];
      if (!target) return null;
      memory.touched.add(target.record.id);
      if (play === 'customer-delete') return { kind: 'customer-revoke', from: target.waId, name: target.name, wamid: target.record.id };
      const text =
        typeof (target.record.message['text'] as { body?: unknown } | undefined)?.body === 'string'
          ? (target.record.message['text'] as { body: string }).body
          : '';
      return {
        kind: 'customer-edit',
        from: target.waId,
        name: target.name,
        wamid: target.record.id,
        text: `${text} (${target.language === 'es' ? 'corregido' : 'corrected'})`,
      };
    }
    case 'missed-call':
    case 'answered-call':
      if (!latest) return null;
      return play === 'missed-call'
        ? { kind: 'call', from: latest.waId, name: latest.name, outcome: 'missed' }
        : { kind: 'call', from: latest.waId, name: latest.name, outcome: 'completed', durationSeconds: 95 };
    case 'template-review':
      return {
        kind: 'template-review',
        name: 'order_update',
        language: 'en_US',
        status: 'paused',
        reason: 'Paused for 3 hours: customers blocked or reported it too often.',
      };
    case 'opt-out':
      if (!latest) return null;
      return { kind: 'opt-out', to: latest.waId, name: latest.name, stop: true };
  }
}

/** Plays one event now; false when there was nothing to play it with. */
export async function playBusiness(context: SimulatorContext, play: BusinessPlay, memory: PlayerMemory): Promise<{ played: boolean; deliveryIds: string[] }> {
  const event = eventForPlay(context, play, memory);
  if (!event) return { played: false, deliveryIds: [] };
  const channel = context.config.channels[0]!;
  const deliveryIds: string[] = [];
  for (const one of Array.isArray(event) ? event : [event]) {
    const result = await replayPayload(context, businessEventPayload(channel, one, context.ids, Math.floor(context.clock.now() / 1000)));
    deliveryIds.push(result.deliveryId);
  }
  return { played: true, deliveryIds };
}

export interface BusinessPlayer {
  stop(): void;
}

/** Schedules the demo's business side on the simulator's clock (scaled like everything else). */
export function startBusinessPlayer(context: SimulatorContext, memory: PlayerMemory): BusinessPlayer {
  let stopped = false;
  const epoch = context.epoch;
  const later = (delayMs: number, task: () => void) => context.clock.after(delayMs, () => !stopped && context.epoch === epoch && task());
  const play = (which: BusinessPlay, onDone: (played: boolean) => void) =>
    playBusiness(context, which, memory).then(
      (result) => onDone(result.played),
      (error: unknown) => {
        console.error('[simulator] business phone', error);
        onDone(true);
      },
    );

  const timeline = BUSINESS_PLAYS.filter((p) => p !== 'history');
  const step = (index: number) => {
    const which = timeline[index];
    if (!which) return later(ECHO_EVERY_MS, keepAnswering);
    play(which, (played) => (played ? later(PLAY_GAP_MS, () => step(index + 1)) : later(RETRY_MS, () => step(index))));
  };
  const keepAnswering = () => play('echo-reply', () => later(ECHO_EVERY_MS, keepAnswering));

  later(5_000, () => play('history', () => undefined));
  later(FIRST_PLAY_MS, () => step(0));
  return {
    stop() {
      stopped = true;
    },
  };
}
