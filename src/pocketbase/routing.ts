import { planBacklogSweep, type WaitingConversation } from '../lib/domain/routing/backlog-sweep';
import { decideRouting, type RoutingDecision } from '../lib/domain/routing/routing-decision';
import type { RoutingAgent, RoutingInput } from '../lib/domain/routing/routing-input';
import { assignOrOffer } from './offers';
import { epochMs, jsonField, newRecord } from './records';
import { channelClock, loadRoutingAgents, routingSettingsOf } from './routing-context';

/** Gathers the routing input for a conversation (with `agents` when the caller already loaded them); nothing is written. */
export function routingInputFor(app: core.App, conversation: core.Record, firstMessageText: string, isNewCustomer: boolean, now: number, agents: RoutingAgent[] = loadRoutingAgents(app, now)): RoutingInput {
  const channel = app.findRecordById('channels', conversation.getString('channel'));
  const contact = app.findRecordById('contacts', conversation.getString('contact'));
  const clock = channelClock(channel, now);
  return {
    conversation: {
      id: conversation.id,
      channelId: channel.id,
      firstMessageText,
      createdAt: epochMs(conversation, 'created') ?? now,
      lastInboundAt: epochMs(conversation, 'last_inbound_at'),
      previousEscalations: conversation.getInt('handover_count'),
      labels: conversation.getStringSlice('labels'),
    },
    contact: {
      id: contact.id,
      ownerId: contact.getString('owner') || null,
      isNew: isNewCustomer,
      vip: contact.getBool('vip'),
      labels: contact.getStringSlice('labels'),
      language: contact.getString('language') || null,
      attributes: { ...jsonField<Record<string, unknown>>(contact, 'attributes', {}), name: contact.getString('name'), wa_id: contact.getString('wa_id'), username: contact.getString('username') },
    },
    agents,
    settings: routingSettingsOf(channel),
    ...clock,
    // Routed again while an offer round is open (a handoff, an escalation): nobody gets it back who passed on it.
    declinedAgentIds: conversation.getStringSlice('offer_declined'),
  };
}

function queueAutoReply(app: core.App, conversation: core.Record, decision: RoutingDecision): void {
  if (!decision.autoReply) return;
  app.save(
    newRecord(app, 'messages', {
      conversation: conversation.id,
      direction: 'out',
      sender: 'bot',
      type: 'text',
      text: decision.autoReply.text,
      payload: { auto_reply: decision.autoReply.kind },
      status: 'queued',
      attempts: 0,
    }),
  );
}

/**
 * Decides and applies who owns a new or reopened conversation, inside the inbound message's transaction:
 * capacity is counted and written under the same single-writer lock, so parallel customers never overbook an agent.
 */
export function routeConversation(app: core.App, conversation: core.Record, firstMessageText: string, isNewCustomer: boolean, trigger: 'inbound' | 'reopened', now: number): string | null {
  const decision = decideRouting(routingInputFor(app, conversation, firstMessageText, isNewCustomer, now), now, Math.random());
  for (const skipped of decision.skippedRules) console.log(`[routing] rule "${skipped.name}" skipped: ${skipped.reason}`);
  conversation.set('priority', decision.priority);
  conversation.set('required_skills', decision.requiredSkills);
  if (decision.labels.length) conversation.set('labels', [...new Set([...conversation.getStringSlice('labels'), ...decision.labels])]);
  if (decision.language && !conversation.getString('language')) conversation.set('language', decision.language.code);
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
    },
    now,
  );
  queueAutoReply(app, conversation, decision);
  return decision.autoReply?.kind ?? null;
}

/**
 * Hands waiting conversations to agents who can take them now, highest priority and oldest first.
 * Runs when capacity appears: an agent comes online, a conversation is resolved or unassigned.
 */
export function sweepBacklog(app: core.App, now: number): number {
  // Tickets the FAQ bot is still answering are not waiting for a person; an offered one waits for its answer.
  const waiting = app.findRecordsByFilter('conversations', 'status != "resolved" && assignee = "" && offered_to = "" && bot_active != true', '-priority,last_inbound_at', 500, 0);
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
    }));
    // Agents are reloaded per channel so counts include the previous channel's assignments.
    const plan = planBacklogSweep(queue, loadRoutingAgents(app, now), settings, now, Math.random);
    for (const assignment of plan.assignments) {
      const conversation = conversations.find((c) => c.id === assignment.conversationId)!;
      assignOrOffer(app, conversation, { trigger: 'backlog-sweep', agentId: assignment.agentId, teamId: assignment.teamId, outcome: 'assigned', reason: 'backlog-sweep', algorithm: assignment.algorithm }, now);
      assigned++;
    }
  }
  return assigned;
}
