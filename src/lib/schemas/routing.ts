import { z } from 'zod';
import { validateRoutingSettings, type FieldErrors, type SettingsContext } from '../domain/routing/settings-validation';

// Stored in `channels.routing`. Every field has a default so `{}` is a working configuration and an older
// document gains new fields on read. Semantic checks (regex safety, unknown teams and agents) live in
// validateRoutingSettings because they need the channel's context; this schema checks shape only.

export const ROUTING_ALGORITHMS = ['random', 'in_order', 'most_waiting', 'least_chats'] as const;
export type RoutingAlgorithm = (typeof ROUTING_ALGORITHMS)[number];

export const PRIORITY_LEVELS = ['low', 'normal', 'high', 'urgent'] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

export const WELCOME_TEXT = "Welcome to my store. We'll be with you in a moment.";
export const OUT_OF_OFFICE_TEXT = 'Thank you for your message. We are out of office hours.';
export const COLLEAGUE_TEXT = 'Thanks for writing again. A colleague will be with you shortly.';

export const DEFAULT_URGENCY_WORDS = [
  'urgent', 'urgently', 'asap', 'emergency', 'immediately', 'right now', 'complaint', 'lawyer', 'fraud',
  'urgente', 'urgencia', 'emergencia', 'inmediatamente', 'ahora mismo', 'reclamo', 'queja', 'estafa',
  'imediatamente', 'agora mesmo', 'reclamação', 'fraude', 'socorro',
];
export const DEFAULT_ANGRY_EMOJI = ['😠', '😡', '🤬', '👿', '💢', '😤'];

const id = z.string().trim().min(1).max(64);
const algorithm = z.enum(ROUTING_ALGORITHMS);
const minuteOfDay = z.number().int().min(0).max(1440);

const autoReply = (enabled: boolean, text: string) =>
  z.object({ enabled: z.boolean().default(enabled), text: z.string().trim().max(4096).default(text) }).prefault({});

/** Where a conversation goes when routing falls through to a team: the team (null: every agent), how to pick, what to say. */
const teamRoute = (defaultAlgorithm: RoutingAlgorithm, reply: { enabled: boolean; text: string }) =>
  z
    .object({ teamId: id.nullable().default(null), algorithm: algorithm.default(defaultAlgorithm), autoReply: autoReply(reply.enabled, reply.text) })
    .prefault({});

export const ruleAttributeSchema = z.object({
  field: z.string().trim().min(1).max(100),
  op: z.enum(['equals', 'contains', 'is-set', 'not-set']).default('equals'),
  value: z.string().max(500).default(''),
});

/** One ordered rule: every condition given must hold (lists match any of their items); then its actions apply. */
export const routingRuleSchema = z.object({
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  // Conditions. An empty list or null means "don't care"; a rule without conditions matches everything.
  keywords: z.array(z.string().trim().min(1).max(100)).max(200).default(() => []),
  pattern: z.string().max(1000).nullable().default(null),
  languages: z.array(z.string().trim().toLowerCase().min(2).max(16)).max(50).default(() => []),
  channelIds: z.array(id).max(100).default(() => []),
  vip: z.boolean().nullable().default(null),
  labels: z.array(id).max(50).default(() => []),
  attributes: z.array(ruleAttributeSchema).max(20).default(() => []),
  timeOfDay: z.object({ from: minuteOfDay, to: minuteOfDay }).nullable().default(null),
  businessHours: z.enum(['inside', 'outside']).nullable().default(null),
  // Actions. The first matching rule to name a team or an agent wins; skills and labels add up; the highest priority wins.
  teamId: id.nullable().default(null),
  skills: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20).default(() => []),
  priority: z.enum(PRIORITY_LEVELS).nullable().default(null),
  addLabels: z.array(id).max(50).default(() => []),
  agentId: id.nullable().default(null),
  stop: z.boolean().default(false),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export type RoutingRuleInput = z.input<typeof routingRuleSchema>;

export const priorityPolicySchema = z
  .object({
    urgencyWords: z.array(z.string().trim().min(1).max(60)).max(200).default(() => [...DEFAULT_URGENCY_WORDS]),
    angryEmoji: z.array(z.string().min(1).max(16)).max(50).default(() => [...DEFAULT_ANGRY_EMOJI]),
    points: z
      .object({
        urgencyWords: z.number().int().min(0).max(500).default(40),
        angryEmoji: z.number().int().min(0).max(500).default(30),
        vip: z.number().int().min(0).max(500).default(50),
        // Per previous escalation, counted up to three times.
        escalation: z.number().int().min(0).max(500).default(40),
        windowClosing: z.number().int().min(0).max(500).default(60),
      })
      .prefault({}),
    // An open 24 h window with less than this left scores windowClosing: after it closes only templates can be sent.
    windowClosingMinutes: z.number().int().min(0).max(1440).default(120),
  })
  .prefault({});
export type PriorityPolicy = z.infer<typeof priorityPolicySchema>;

/** A channel's routing settings. */
export const routingSettingsSchema = z.object({
  /** Used when neither a rule nor the branch names a team; null routes among every agent. */
  defaultTeamId: id.nullable().default(null),
  newCustomer: z
    .object({
      agentsOnline: teamRoute('in_order', { enabled: true, text: WELCOME_TEXT }),
      agentsOffline: teamRoute('in_order', { enabled: true, text: OUT_OF_OFFICE_TEXT }),
    })
    .prefault({}),
  returningCustomer: z
    .object({
      // The owner always gets the conversation when online, and when nobody is online at all.
      ownerUnavailable: z.enum(['keep-owner', 'team']).default('team'),
      teamId: id.nullable().default(null),
      algorithm: algorithm.default('in_order'),
      autoReply: autoReply(false, COLLEAGUE_TEXT),
    })
    .prefault({}),
  rules: z.array(routingRuleSchema).max(100).default(() => []),
  capacity: z.object({ defaultMaxOpen: z.number().int().min(1).max(1000).default(10) }).prefault({}),
  priority: priorityPolicySchema,
  language: z.object({ minConfidence: z.number().min(0).max(1).default(0.3) }).prefault({}),
  backlog: z.object({ algorithm: algorithm.default('least_chats') }).prefault({}),
  /** Per team: hand a conversation back to the queue when its agent has not replied within this many minutes. */
  reassign: z.array(z.object({ teamId: id, afterMinutes: z.number().int().min(1).max(7 * 24 * 60) })).max(100).default(() => []),
  /** Teams this channel's conversations may be escalated to by their agent or a manager of their team (admins: any). */
  escalationTeams: z.array(id).max(100).default(() => []),
});
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;
export type RoutingSettingsInput = z.input<typeof routingSettingsSchema>;

/** The settings a channel starts with. */
export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = routingSettingsSchema.parse({});

export type RoutingSettingsCheck = { ok: true; settings: RoutingSettings } | { ok: false; errors: FieldErrors };

/** Parses stored or submitted settings and checks them against the channel's teams and agents, in PocketBase's error shape. */
export function checkRoutingSettings(raw: unknown, context: SettingsContext): RoutingSettingsCheck {
  const parsed = routingSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.') || 'routing';
      errors[path] ??= { code: 'invalid-value', message: issue.message };
    }
    return { ok: false, errors };
  }
  const errors = validateRoutingSettings(parsed.data, context);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings: parsed.data };
}
