import type { AutoRepliesSettings } from '../../schemas/auto-replies';
import type { RoutingSettings } from '../../schemas/routing';
import { branchReplyOf, type OwnerRoute } from '../routing/branch-reply';
import type { ReplyLanguage } from './opening-text';
import { planAutomaticVoice, type VoiceMessage, type VoiceSituation } from './automatic-voice';
import type { TemplateVariables } from './template-text';

// The situations an admin reasons about ("a returning customer whose owner is offline, at night"), turned into what
// the server sees, so the "what the customer will get" table is computed by the very function the server runs.

/** Who writes: a first-time customer, a returning one without an owner, or one whose owner is online or offline. */
export const VOICE_CUSTOMERS = ['new', 'returning', 'owner-online', 'owner-offline'] as const;
export type VoiceCustomer = (typeof VOICE_CUSTOMERS)[number];

/** One row of the table. */
export interface VoiceCase {
  customer: VoiceCustomer;
  closed: boolean;
  /** Some other eligible agent is online (an online owner counts for their own customers). */
  staffOnline: boolean;
  /** The channel's FAQ bot is on: it answers a new ticket first. */
  faqBot: boolean;
}

/** Every case worth a row, in reading order; an online owner with "nobody online" cannot happen and is left out. */
export function voiceCases(faqBot: boolean): VoiceCase[] {
  const cases: VoiceCase[] = [];
  for (const customer of VOICE_CUSTOMERS) {
    for (const closed of [false, true]) {
      for (const staffOnline of [true, false]) {
        if (customer === 'owner-online' && !staffOnline) continue;
        cases.push({ customer, closed, staffOnline, faqBot });
      }
    }
  }
  return cases;
}

/** The server's view of a case: which routing branch is taken, who holds the conversation, whether they are online. */
export function voiceSituationOf(c: VoiceCase, routing: RoutingSettings, names: { agent: string; owner: string }): VoiceSituation {
  const anyoneOnline = c.staffOnline || c.customer === 'owner-online';
  let owner: OwnerRoute = 'none';
  let assignee: VoiceSituation['assignee'] = c.staffOnline ? { name: names.agent, online: true } : null;
  if (c.customer === 'owner-online') {
    owner = 'owner-takes';
    assignee = { name: names.owner, online: true };
  } else if (c.customer === 'owner-offline') {
    // Routing keeps an offline owner when nobody else is online, or when the channel says "keep the owner".
    const keeps = !c.staffOnline || routing.returningCustomer.ownerUnavailable === 'keep-owner';
    owner = keeps ? 'owner-takes' : 'colleague';
    if (keeps) assignee = { name: names.owner, online: false };
  }
  return {
    firstEver: c.customer === 'new',
    closed: c.closed,
    faqBotSpoke: c.faqBot,
    branchReply: branchReplyOf(routing, { isNew: c.customer === 'new', anyoneOnline, owner }),
    assignee,
  };
}

/** The message a case earns with these settings; `vars` are sample values (agent_name is filled per case). */
export function voiceFor(
  c: VoiceCase,
  settings: { autoReplies: AutoRepliesSettings; routing: RoutingSettings },
  language: ReplyLanguage,
  vars: TemplateVariables,
  names: { agent: string; owner: string },
): VoiceMessage | null {
  const situation = voiceSituationOf(c, settings.routing, names);
  return planAutomaticVoice(situation, settings.autoReplies, {
    language,
    closedKey: c.closed ? 'sample' : null,
    vars: { ...vars, agent_name: situation.assignee?.name ?? '' },
    agentRepliedRecently: false,
    sentKeys: [],
  });
}
