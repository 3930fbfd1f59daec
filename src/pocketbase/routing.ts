import { planBacklogSweep, type WaitingConversation } from '../lib/domain/routing/backlog-sweep';
import type { BranchReply } from '../lib/domain/routing/branch-reply';
import { decideRouting } from '../lib/domain/routing/routing-decision';
import type { RoutingAgent, RoutingInput } from '../lib/domain/routing/routing-input';
import { assignOrOffer } from './offers';
import type { TimeZonePort } from '../lib/domain/hours/time-zone-port';
import type { InboundContext } from './inbound/context';
import { readChannel, type Channel } from './records/channel';
import { readContact } from './records/contact';
import { readConversation, writeConversation } from './records/conversation';
import { epochMs, jsonField } from './records';
import { clockOf, loadRoutingAgents, routingSettingsOf } from './routing-context';
import { NO_HISTORY } from '../lib/domain/signals/customer-history';
import { customerHistoryOf } from './customer-history';
import { GoTimeZone } from './time-zone';
import { intentInputFor } from './intent-routing';

/** The records around a conversation that routing reads; an inbound event passes the ones it holds. */
export interface RoutingSources {
  channel: Channel;
  contact: core.Record;
  port: TimeZonePort;
}

/**
 * Gathers the routing input for a conversation; nothing is written. An inbound event passes the records it holds
 * (`sources`), a caller that already loaded the agents passes them.
 */
export function routingInputFor(
  app: core.App,
  conversation: core.Record,
  firstMessageText: string,
  isNewCustomer: boolean,
  now: number,
  sources?: RoutingSources,
  agents: RoutingAgent[] = loadRoutingAgents(app, now),
): RoutingInput {
  const ticket = readConversation(conversation);
  const port = sources?.port ?? new GoTimeZone();
  const channel = sources?.channel ?? readChannel(app.findRecordById('channels', ticket.channelId), port);
  const contact = readContact(sources?.contact ?? app.findRecordById('contacts', ticket.contactId));
  // A customer first seen in this event has no history to count.
  const history = sources?.contact?.isNew() ? NO_HISTORY : customerHistoryOf(app, contact.id);
  return {
    conversation: {
      id: conversation.id,
      channelId: channel.id,
      firstMessageText,
      createdAt: ticket.createdAt ?? now,
      lastInboundAt: ticket.lastInboundAt,
      previousEscalations: history.escalations,
      labels: ticket.labels,
      history,
    },
    contact: {
      id: contact.id,
      ownerId: contact.ownerId,
      isNew: isNewCustomer,
      vip: contact.vip,
      labels: contact.labels,
      language: contact.language,
      attributes: { ...contact.attributes, name: contact.name, wa_id: contact.waId, username: contact.username },
    },
    agents,
    settings: channel.settings.routing,
    ...clockOf(channel, now, port),
    // Routed again while an offer round is open (a handoff, an escalation): nobody gets it back who passed on it.
    declinedAgentIds: ticket.offer.declined,
  };
}

/**
 * Decides who owns a new or reopened conversation, inside the inbound message's transaction, and hands the
 * writes to the event's writer: capacity is counted under the same single-writer lock, so parallel customers
 * never overbook an agent. Returns the reply configured for the branch it took, for the automatic voice to weigh.
 */
export function routeConversation(
  ctx: InboundContext,
  conversation: core.Record,
  firstMessageText: string,
  isNewCustomer: boolean,
  trigger: 'inbound' | 'reopened',
  openingWamid?: string,
): BranchReply | null {
  const { app, now } = ctx;
  const input = {
    ...routingInputFor(
      app,
      conversation,
      firstMessageText,
      isNewCustomer,
      now,
      { channel: ctx.channel, contact: ctx.contactOf(conversation), port: ctx.port },
      loadRoutingAgents(app, now, ctx.allAgents()),
    ),
    // Hybrid routing: the worker predicted this message's intent before the event was applied (intent-inbox.ts).
    intent: intentInputFor(app, openingWamid),
  };
  const decision = decideRouting(input, now, Math.random());
  for (const skipped of decision.skippedRules) console.log(`[routing] rule "${skipped.name}" skipped: ${skipped.reason}`);
  const ticket = readConversation(conversation);
  writeConversation(conversation, {
    priority: decision.priority,
    requiredSkills: decision.requiredSkills,
    // The service sweep adds or takes off these points as the window runs out (see rescoreClosingWindows).
    windowPoints: decision.priorityReasons.find((r) => r.code === 'window-closing')?.points ?? 0,
    queuedNobodyOnline: decision.outcome === 'queued' && decision.branch === 'nobody-online',
  });
  if (decision.labels.length) writeConversation(conversation, { labels: [...new Set([...ticket.labels, ...decision.labels])] });
  if (decision.language && !ticket.language) writeConversation(conversation, { language: decision.language.code });
  // Issue #20: a prediction the desk trusts names the conversation's intent, whatever decided the team; the composer
  // suggests the canned replies most used for it (canned-reply-uses.ts).
  if (decision.intent && decision.intent.confidence >= decision.intent.minConfidence)
    writeConversation(conversation, { intent: decision.intent.intent, intentName: decision.intent.name });
  // The owner's shift is over and someone else (or the queue) takes it: remembered for "hand back to the owner".
  const owner = input.contact.ownerId === null ? undefined : input.agents.find((agent) => agent.id === input.contact.ownerId);
  if (owner?.offShift && decision.agentId !== owner.id) writeConversation(conversation, { coveringFor: owner.id });
  assignOrOffer(
    app,
    conversation,
    {
      trigger,
      agentId: decision.agentId,
      teamId: decision.teamId,
      outcome: decision.outcome,
      reason: decision.path,
      rule: decision.matchedRule?.name,
      algorithm: decision.algorithm,
      candidates: decision.candidates,
      excluded: decision.excluded,
      intent: decision.intent,
      priority: { score: decision.priority, reasons: decision.priorityReasons },
    },
    now,
    ctx,
  );
  // Routing decides who; what the customer is told is the automatic voice's (auto-replies.ts), which gets this branch.
  return decision.autoReply;
}

/**
 * Hands waiting conversations to agents who can take them now, highest priority and oldest first.
 * Runs when capacity appears: an agent comes online, a conversation is resolved or unassigned.
 */
export function sweepBacklog(app: core.App, now: number): number {
  // Tickets the FAQ bot is still answering are not waiting for a person; an offered one waits for its answer.
  const waiting = app.findRecordsByFilter(
    'conversations',
    'status != "resolved" && assignee = "" && offered_to = "" && bot_active != true',
    '-priority,last_inbound_at',
    500,
    0,
  );
  const byChannel = new Map<string, core.Record[]>();
  for (const conversation of waiting) {
    if (!conversation) continue;
    const list = byChannel.get(conversation.getString('channel')) ?? [];
    list.push(conversation);
    byChannel.set(conversation.getString('channel'), list);
  }
  let assigned = 0;
  for (const [channelId, conversations] of byChannel) {
    const settings = routingSettingsOf(app.findRecordById('channels', channelId));
    const owners = new Map(conversations.map((c) => [c.id, app.findRecordById('contacts', c.getString('contact')).getString('owner') || null]));
    const queue: WaitingConversation[] = conversations.map((c) => ({
      id: c.id,
      teamId: c.getString('team') || null,
      requiredSkills: jsonField<string[]>(c, 'required_skills', []),
      priority: c.getInt('priority'),
      waitingSince: epochMs(c, 'last_inbound_at') ?? epochMs(c, 'created') ?? now,
      ownerId: owners.get(c.id) ?? null,
      declinedAgentIds: c.getStringSlice('offer_declined'),
      queuedNobodyOnline: c.getBool('queued_nobody_online'),
    }));
    // Agents are reloaded per channel so counts include the previous channel's assignments.
    const plan = planBacklogSweep(queue, loadRoutingAgents(app, now), settings, now, Math.random);
    for (const assignment of plan.assignments) {
      const conversation = conversations.find((c) => c.id === assignment.conversationId)!;
      assignOrOffer(
        app,
        conversation,
        {
          trigger: 'backlog-sweep',
          agentId: assignment.agentId,
          teamId: assignment.teamId,
          outcome: 'assigned',
          reason: 'backlog-sweep',
          algorithm: assignment.algorithm,
        },
        now,
      );
      assigned++;
    }
  }
  return assigned;
}
