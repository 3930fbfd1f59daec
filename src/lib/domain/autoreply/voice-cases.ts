import type { AutoRepliesSettings } from '../../schemas/auto-replies';
import type { RoutingSettings } from '../../schemas/routing';
import { isAssignable } from '../routing/agent-availability';
import { decideRouting } from '../routing/routing-decision';
import type { RoutingAgent, RoutingInput } from '../routing/routing-input';
import type { ReplyLanguage } from './opening-text';
import { planAutomaticVoice, type VoiceMessage, type VoiceSituation } from './automatic-voice';
import type { TemplateVariables } from './template-text';

// The situations an admin reasons about ("a returning customer whose owner is offline, at night"), turned into what
// the server sees, so the "what the customer will get" table is computed by the very function the server runs.

/**
 * Who writes: a first-time customer, a returning one without an owner, one whose owner is online, offline (no
 * schedule: briefly away), or off shift (their schedule ended: a cover takes them); or a new customer of a one-person
 * desk whose only agent is offline.
 */
export const VOICE_CUSTOMERS = ['new', 'returning', 'owner-online', 'owner-offline', 'owner-off-shift', 'alone'] as const;
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

/** Every case worth a row, in reading order; an online owner with "nobody online" and a one-person desk with someone else online cannot happen. */
export function voiceCases(faqBot: boolean): VoiceCase[] {
  const cases: VoiceCase[] = [];
  for (const customer of VOICE_CUSTOMERS) {
    for (const closed of [false, true]) {
      for (const staffOnline of [true, false]) {
        if (customer === 'owner-online' && !staffOnline) continue;
        if (customer === 'alone' && staffOnline) continue;
        cases.push({ customer, closed, staffOnline, faqBot });
      }
    }
  }
  return cases;
}

/** Who holds the conversation after routing: nobody (it waits in the queue), the colleague, or the owner. */
export interface VoiceHolder {
  who: 'agent' | 'owner';
  name: string;
  /** False for an owner kept while offline, or a one-person desk's agent: they get it with a push. */
  online: boolean;
}

const OWNER = 'owner';
const COLLEAGUE = 'colleague';
const SAMPLE_NOW = Date.UTC(2026, 0, 5, 12);

function sampleAgent(id: string, online: boolean, teams: string[], extra: Partial<RoutingAgent> = {}): RoutingAgent {
  return {
    id,
    status: online ? 'online' : 'offline',
    shiftEndsAt: null,
    teams,
    skills: [],
    languages: [],
    maxOpen: null,
    openCount: 0,
    lastAssignedAt: null,
    lastMessageAt: null,
    ...extra,
  };
}

/** The desk of a case as routing sees it: the owner (when the customer has one) and a colleague, or one person alone. */
function routingInputOf(c: VoiceCase, routing: RoutingSettings): RoutingInput {
  // Members of every team the settings send to, so the sample desk is never left out by a branch's team.
  const teams = [
    routing.defaultTeamId,
    routing.newCustomer.agentsOnline.teamId,
    routing.newCustomer.agentsOffline.teamId,
    routing.returningCustomer.teamId,
  ].filter((team): team is string => team !== null);
  const hasOwner = c.customer === 'owner-online' || c.customer === 'owner-offline' || c.customer === 'owner-off-shift';
  const agents =
    c.customer === 'alone'
      ? [sampleAgent(COLLEAGUE, false, teams, { soleAgent: true })]
      : [
          sampleAgent(COLLEAGUE, c.staffOnline, teams),
          ...(hasOwner ? [sampleAgent(OWNER, c.customer === 'owner-online', teams, { offShift: c.customer === 'owner-off-shift' })] : []),
        ];
  return {
    conversation: { id: 'sample', channelId: 'sample', firstMessageText: '', createdAt: SAMPLE_NOW, lastInboundAt: null, previousEscalations: 0, labels: [] },
    contact: {
      id: 'sample',
      ownerId: hasOwner ? OWNER : null,
      isNew: c.customer === 'new' || c.customer === 'alone',
      vip: false,
      labels: [],
      language: null,
      attributes: {},
    },
    agents,
    settings: routing,
    insideBusinessHours: !c.closed,
    localMinutes: 12 * 60,
  };
}

/** The server's view of a case: routing's own decision on a sample desk (decideRouting), and who then holds it. */
export function voiceSituationOf(
  c: VoiceCase,
  routing: RoutingSettings,
  names: { agent: string; owner: string },
): VoiceSituation & { holder: VoiceHolder | null } {
  const input = routingInputOf(c, routing);
  const decision = decideRouting(input, SAMPLE_NOW, 0);
  const agent = input.agents.find((a) => a.id === decision.agentId) ?? null;
  // As the inbound path does (auto-replies.ts): "online" is assignable on its own merits, not as the desk's only person.
  const holder: VoiceHolder | null = agent
    ? {
        who: agent.id === OWNER ? 'owner' : 'agent',
        name: agent.id === OWNER ? names.owner : names.agent,
        online: isAssignable({ ...agent, soleAgent: false }, SAMPLE_NOW),
      }
    : null;
  return {
    firstEver: input.contact.isNew,
    closed: c.closed,
    faqBotSpoke: c.faqBot,
    branchReply: decision.autoReply,
    assignee: holder ? { name: holder.name, online: holder.online } : null,
    holder,
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
  return voiceOutcomeFor(c, settings, language, vars, names).message;
}

/** The message a case earns and who holds the conversation afterwards. */
export function voiceOutcomeFor(
  c: VoiceCase,
  settings: { autoReplies: AutoRepliesSettings; routing: RoutingSettings },
  language: ReplyLanguage,
  vars: TemplateVariables,
  names: { agent: string; owner: string },
): { message: VoiceMessage | null; holder: VoiceHolder | null } {
  const { holder, ...situation } = voiceSituationOf(c, settings.routing, names);
  const message = planAutomaticVoice(situation, settings.autoReplies, {
    language,
    closedKey: c.closed ? 'sample' : null,
    vars: { ...vars, agent_name: situation.assignee?.name ?? '' },
    agentRepliedRecently: false,
    sentKeys: [],
  });
  return { message, holder };
}
