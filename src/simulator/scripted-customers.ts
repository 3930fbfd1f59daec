import type { InjectInboundInput } from '../lib/schemas/simulator';
import { CAST, type ScriptStep, type ScriptedPerson } from './customers/cast';
import { injectInbound } from './inject-inbound';
import type { OutboundMessage } from './message-log';
import { createRandomSource } from './random-source';
import type { SimulatorContext } from './simulator-context';

// Plays the cast: every 20–60 s (scaled) someone new writes in; people answer agents' replies with their next line and
// tap reply buttons, pick a row of a list (the survey), and sometimes react 👍. All choices come from a random source seeded from the simulator's seed, so runs repeat.

const NEXT_PERSON_MS: [number, number] = [20_000, 60_000];
const STEP_GAP_MS: [number, number] = [2_000, 6_000];
const REPLY_DELAY_MS: [number, number] = [5_000, 15_000];
const NUDGE_AFTER_MS = 3 * 60_000;
const REACTION_CHANCE = 0.3;

interface Progress {
  person: ScriptedPerson;
  started: boolean;
  nextFollowUp: number;
  thanked: boolean;
  nudged: boolean;
  /** Clock time of the person's last message while no agent has answered yet. */
  waitingSince?: number;
  replyScheduled: boolean;
}

function toInput(person: ScriptedPerson, step: ScriptStep, phoneNumberId: string): InjectInboundInput {
  const who = { phoneNumberId, from: person.phone, name: person.name };
  if ('photo' in step) return { ...who, type: 'image', text: step.photo };
  if ('voiceNote' in step) return { ...who, type: 'audio', voice: true };
  return { ...who, type: 'text', text: step.text };
}

export interface ScriptedCustomers {
  stop(): void;
}

export function startScriptedCustomers(context: SimulatorContext): ScriptedCustomers {
  const random = createRandomSource(context.config.seed === undefined ? undefined : (context.config.seed ^ 0x5eed) >>> 0);
  const phoneNumberId = context.config.channels[0]?.phoneNumberId ?? '';
  const cast: Progress[] = CAST.map((person) => ({ person, started: false, nextFollowUp: 0, thanked: false, nudged: false, replyScheduled: false }));
  let stopped = false;
  const between = ([min, max]: [number, number]) => random.int(min, max);
  const later = (delayMs: number, task: () => void) => context.clock.after(delayMs, () => !stopped && task());

  const send = (progress: Progress, input: InjectInboundInput) => {
    progress.waitingSince ??= context.clock.now();
    injectInbound(context, input).catch((error: unknown) => console.error('[simulator] scripted customer', error));
  };
  const sendSteps = (progress: Progress, steps: ScriptStep[]) => {
    let delay = 0;
    for (const step of steps) {
      later(delay, () => send(progress, toInput(progress.person, step, phoneNumberId)));
      delay += between(STEP_GAP_MS);
    }
  };

  const tick = () => {
    const fresh = cast.filter((progress) => !progress.started);
    if (fresh.length > 0) {
      const progress = random.pick(fresh);
      progress.started = true;
      sendSteps(progress, progress.person.opening);
    } else {
      const now = context.clock.now();
      const ignored = cast.filter((p) => !p.nudged && p.waitingSince !== undefined && now - p.waitingSince > NUDGE_AFTER_MS * context.clock.timeScale);
      if (ignored.length > 0) {
        const progress = random.pick(ignored);
        progress.nudged = true;
        sendSteps(progress, [{ text: progress.person.nudge }]);
      }
    }
    later(between(NEXT_PERSON_MS), tick);
  };

  const answer = (progress: Progress, message: OutboundMessage) => {
    progress.replyScheduled = false;
    if (progress.person.reacts && random.chance(REACTION_CHANCE)) {
      send(progress, { phoneNumberId, from: progress.person.phone, type: 'reaction', reaction: { messageId: message.id, emoji: '👍' } });
    }
    // A list (the satisfaction survey) gets a row picked, a template's quick replies a tap, like real people do.
    const rows = message.card?.list?.sections.flatMap((section) => section.rows) ?? [];
    if (rows.length > 0) {
      const row = random.pick(rows);
      send(progress, { phoneNumberId, from: progress.person.phone, type: 'interactive', listReply: { id: row.id, title: row.title }, contextId: message.id });
      return;
    }
    const quickReplies = message.card?.quickReplies ?? [];
    if (quickReplies.length > 0) {
      const reply = random.pick(quickReplies);
      send(progress, {
        phoneNumberId,
        from: progress.person.phone,
        type: 'button',
        button: { payload: reply.payload, text: reply.text },
        contextId: message.id,
      });
      return;
    }
    // Offered reply buttons get tapped, as most people do, instead of a typed answer.
    if (message.buttons && message.buttons.length > 0) {
      const button = random.pick(message.buttons);
      send(progress, { phoneNumberId, from: progress.person.phone, type: 'interactive', buttonReply: button, contextId: message.id });
      return;
    }
    const next = progress.person.followUps[progress.nextFollowUp];
    if (next) {
      progress.nextFollowUp += 1;
      sendSteps(progress, [next]);
    } else if (!progress.thanked) {
      progress.thanked = true;
      sendSteps(progress, [{ text: progress.person.thanks }]);
    }
  };

  const unsubscribe = context.log.onOutbound((message) => {
    const progress = cast.find((p) => p.person.phone === message.waId);
    if (!progress || message.type === 'reaction') return;
    delete progress.waitingSince;
    // Several agent messages in a row get one answer, as people do.
    if (progress.replyScheduled) return;
    progress.replyScheduled = true;
    later(between(REPLY_DELAY_MS), () => answer(progress, message));
  });

  later(between(NEXT_PERSON_MS), tick);
  return {
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
