import type { AutoRepliesSettings } from '../../schemas/auto-replies';
import type { BranchReply } from '../routing/branch-reply';
import { afterAssignKey, GREETING_KEY, outOfHoursKey, type AutoReplyContext } from './auto-reply-plan';
import { replyTextOf, selfServiceText, type AutoReplyKind, type BranchReplyKind } from './reply-texts';
import { renderTemplate } from './template-text';

// Several automations used to speak on one customer message (a greeting, routing's welcome, the out-of-hours reply),
// saying contradictory things at once. This module is the one place that decides the words: at most one message,
// true in the situation. Routing decides who; the inbound path queues what this plans.

/** What is true when a customer message arrives, as far as the automatic message is concerned. */
export interface VoiceSituation {
  /** The customer's first ever message on the channel. */
  firstEver: boolean;
  /** The channel is outside its business hours. */
  closed: boolean;
  /** The FAQ bot answered this message (or said it hands over): it is the automatic voice this time. */
  faqBotSpoke: boolean;
  /** The reply of the routing branch the conversation just took; null when routing did not run or says nothing. */
  branchReply: BranchReply | null;
  /** Who holds the conversation now; `online` false for an owner kept while offline. */
  assignee: { name: string; online: boolean } | null;
}

/** Which automatic text a message is made of. */
export type VoicePart = AutoReplyKind | BranchReplyKind;

/** The one automatic message to send; store `dedupeKeys` on the conversation in the same transaction as the send. */
export interface VoiceMessage {
  /** The main part (what the message is about); 'greeting' when the greeting is all there is. */
  kind: VoicePart;
  /** The texts merged into it, in order. */
  parts: VoicePart[];
  text: string;
  dedupeKeys: string[];
}

interface Part {
  kind: VoicePart;
  text: string;
  key: string | null;
}

function bodyOf(situation: VoiceSituation, settings: AutoRepliesSettings, context: AutoReplyContext, sent: ReadonlySet<string>): Part | null {
  const { language, vars } = context;
  const render = (kind: VoicePart, template: string, key: string | null): Part | null => {
    const text = renderTemplate(template, vars).trim();
    return text === '' || (key !== null && sent.has(key)) ? null : { kind, text, key };
  };
  if (situation.closed) {
    // While closed only the hours are true: "we'll be with you in a moment" or "Ana will help you" would not be.
    const ooh = settings.outOfHours;
    if (!ooh.enabled || context.agentRepliedRecently || context.closedKey === null) return null;
    const hint = selfServiceText(ooh.selfService.keywords, ooh.selfService.link, language);
    const text = replyTextOf('out-of-hours', ooh.text, language);
    return render('out-of-hours', hint === '' ? text : `${text}\n\n${hint}`, outOfHoursKey(context.closedKey));
  }
  // The named introduction says more than a branch's "we'll be with you"; only for an agent who can answer now.
  const agent = situation.assignee;
  if (settings.afterAssign.enabled && agent !== null && agent.online && agent.name.trim() !== '') {
    const intro = render('after-assign', replyTextOf('after-assign', settings.afterAssign.text, language), afterAssignKey(agent.name));
    if (intro !== null) return intro;
  }
  const branch = situation.branchReply;
  return branch === null ? null : render(branch.kind, replyTextOf(branch.kind, branch.text, language), null);
}

/**
 * The one automatic message a customer message earns, or null: the FAQ bot speaks alone; otherwise the body is the
 * out-of-hours reply while closed, else the after-assign introduction of an online agent, else the routing branch's
 * reply; a first-time customer's greeting goes in front of it (or alone). Each part keeps its once-only key.
 */
export function planAutomaticVoice(situation: VoiceSituation, settings: AutoRepliesSettings, context: AutoReplyContext): VoiceMessage | null {
  if (situation.faqBotSpoke) return null;
  const sent = new Set(context.sentKeys);
  const body = bodyOf(situation, settings, context, sent);
  let greeting: Part | null = null;
  if (settings.greeting.enabled && situation.firstEver && !sent.has(GREETING_KEY)) {
    const text = renderTemplate(replyTextOf('greeting', settings.greeting.text, context.language), context.vars).trim();
    if (text !== '') greeting = { kind: 'greeting', text, key: GREETING_KEY };
  }
  const parts = [greeting, body].filter((part): part is Part => part !== null);
  if (parts.length === 0) return null;
  return {
    kind: (body ?? greeting)!.kind,
    parts: parts.map((part) => part.kind),
    text: parts.map((part) => part.text).join(' '),
    dedupeKeys: parts.flatMap((part) => (part.key === null ? [] : [part.key])),
  };
}
