import * as z from 'zod/mini';
import { validateRoutingSettings, type FieldErrors, type SettingsContext } from '../domain/routing/settings-validation';

// Stored in `channels.routing`. Every field has a default so `{}` is a working configuration and an older
// document gains new fields on read. Semantic checks (regex safety, unknown teams and agents) live in
// validateRoutingSettings because they need the channel's context; this schema checks shape only.

export const ROUTING_ALGORITHMS = ['random', 'in_order', 'most_waiting', 'least_chats'] as const;
export type RoutingAlgorithm = (typeof ROUTING_ALGORITHMS)[number];

export const PRIORITY_LEVELS = ['low', 'normal', 'high', 'urgent'] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

// A branch's reply text '' means the built-in text in the channel's language (src/lib/domain/autoreply/reply-texts.ts),
// which reads well after the greeting; the automatic voice decides which one message the customer gets.

export const DEFAULT_URGENCY_WORDS = [
  'urgent',
  'urgently',
  'asap',
  'emergency',
  'immediately',
  'right now',
  'complaint',
  'lawyer',
  'fraud',
  'urgente',
  'urgencia',
  'emergencia',
  'inmediatamente',
  'ahora mismo',
  'reclamo',
  'queja',
  'estafa',
  'imediatamente',
  'agora mesmo',
  'reclamação',
  'fraude',
  'socorro',
];
export const DEFAULT_ANGRY_EMOJI = ['😠', '😡', '🤬', '👿', '💢', '😤'];

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));
const algorithm = z.enum(ROUTING_ALGORITHMS);
const minuteOfDay = z.number().check(z.int(), z.gte(0), z.lte(1440));
/** A whole number from `min` to `max`. */
const whole = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
/** A trimmed string of `min` to `max` characters. */
const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
/** A trimmed, lower-cased string of `min` to `max` characters. */
const tag = (min: number, max: number) => z.string().check(z.trim(), z.toLowerCase(), z.minLength(min), z.maxLength(max));
const emptyList = () => [];

const autoReply = (enabled: boolean, text: string) =>
  z.prefault(z.object({ enabled: z._default(z.boolean(), enabled), text: z._default(z.string().check(z.trim(), z.maxLength(4096)), text) }), {});

/** Where a conversation goes when routing falls through to a team: the team (null: every agent), how to pick, what to say. */
const teamRoute = (defaultAlgorithm: RoutingAlgorithm, reply: { enabled: boolean; text: string }) =>
  z.prefault(
    z.object({ teamId: z._default(z.nullable(id), null), algorithm: z._default(algorithm, defaultAlgorithm), autoReply: autoReply(reply.enabled, reply.text) }),
    {},
  );

export const ruleAttributeSchema = z.object({
  field: trimmed(1, 100),
  op: z._default(z.enum(['equals', 'contains', 'is-set', 'not-set']), 'equals'),
  value: z._default(z.string().check(z.maxLength(500)), ''),
});

/** One ordered rule: every condition given must hold (lists match any of their items); then its actions apply. */
export const routingRuleSchema = z.object({
  name: trimmed(1, 100),
  enabled: z._default(z.boolean(), true),
  // Conditions. An empty list or null means "don't care"; a rule without conditions matches everything.
  keywords: z._default(z.array(trimmed(1, 100)).check(z.maxLength(200)), emptyList),
  pattern: z._default(z.nullable(z.string().check(z.maxLength(1000))), null),
  languages: z._default(z.array(tag(2, 16)).check(z.maxLength(50)), emptyList),
  channelIds: z._default(z.array(id).check(z.maxLength(100)), emptyList),
  vip: z._default(z.nullable(z.boolean()), null),
  labels: z._default(z.array(id).check(z.maxLength(50)), emptyList),
  attributes: z._default(z.array(ruleAttributeSchema).check(z.maxLength(20)), emptyList),
  timeOfDay: z._default(z.nullable(z.object({ from: minuteOfDay, to: minuteOfDay })), null),
  businessHours: z._default(z.nullable(z.enum(['inside', 'outside'])), null),
  // Issue #20: the customer's past. At least this many escalations before; a rating of 1–2 given before (or none).
  escalatedBefore: z._default(z.nullable(whole(1, 100)), null),
  lowRatingBefore: z._default(z.nullable(z.boolean()), null),
  // Actions. The first matching rule to name a team or an agent wins; skills and labels add up; the highest priority wins.
  teamId: z._default(z.nullable(id), null),
  skills: z._default(z.array(tag(1, 50)).check(z.maxLength(20)), emptyList),
  priority: z._default(z.nullable(z.enum(PRIORITY_LEVELS)), null),
  addLabels: z._default(z.array(id).check(z.maxLength(50)), emptyList),
  agentId: z._default(z.nullable(id), null),
  stop: z._default(z.boolean(), false),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export type RoutingRuleInput = z.input<typeof routingRuleSchema>;

export const priorityPolicySchema = z.prefault(
  z.object({
    urgencyWords: z._default(z.array(trimmed(1, 60)).check(z.maxLength(200)), () => [...DEFAULT_URGENCY_WORDS]),
    angryEmoji: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(16))).check(z.maxLength(50)), () => [...DEFAULT_ANGRY_EMOJI]),
    points: z.prefault(
      z.object({
        urgencyWords: z._default(whole(0, 500), 40),
        angryEmoji: z._default(whole(0, 500), 30),
        vip: z._default(whole(0, 500), 50),
        // Per previous escalation, counted up to three times.
        escalation: z._default(whole(0, 500), 40),
        windowClosing: z._default(whole(0, 500), 60),
        // Issue #20: the message's own reading (when the word and emoji lists above did not already score it) …
        urgentMessage: z._default(whole(0, 500), 40),
        negativeMessage: z._default(whole(0, 500), 30),
        // … and the customer's history: per handover and per reopen (up to three each), once for a low rating given
        // before, once when their conversations take long to resolve.
        handover: z._default(whole(0, 500), 10),
        reopen: z._default(whole(0, 500), 15),
        lowRating: z._default(whole(0, 500), 40),
        slowResolution: z._default(whole(0, 500), 20),
        // Expected complexity: once when the predicted intent's conversations usually take long to resolve.
        longIntent: z._default(whole(0, 500), 20),
      }),
      {},
    ),
    // A customer whose resolved conversations took this long on average scores slowResolution; 0 turns it off.
    slowResolutionMinutes: z._default(whole(0, 30 * 24 * 60), 24 * 60),
    // A conversation whose predicted intent's median resolution time (learned at training) is this long scores
    // longIntent; 0 turns it off. Four hours: longer than most chats a desk resolves in one sitting.
    longIntentMinutes: z._default(whole(0, 30 * 24 * 60), 4 * 60),
    // An open 24 h window with less than this left scores windowClosing: after it closes only templates can be sent.
    windowClosingMinutes: z._default(whole(0, 1440), 120),
  }),
  {},
);
export type PriorityPolicy = z.infer<typeof priorityPolicySchema>;

/** A channel's routing settings. */
export const routingSettingsSchema = z.object({
  /** Used when neither a rule nor the branch names a team; null routes among every agent. */
  defaultTeamId: z._default(z.nullable(id), null),
  newCustomer: z.prefault(
    z.object({
      agentsOnline: teamRoute('in_order', { enabled: true, text: '' }),
      agentsOffline: teamRoute('in_order', { enabled: true, text: '' }),
    }),
    {},
  ),
  returningCustomer: z.prefault(
    z.object({
      // The owner always gets the conversation when online, and when nobody is online at all.
      ownerUnavailable: z._default(z.enum(['keep-owner', 'team']), 'team'),
      teamId: z._default(z.nullable(id), null),
      algorithm: z._default(algorithm, 'in_order'),
      autoReply: autoReply(false, ''),
    }),
    {},
  ),
  rules: z._default(z.array(routingRuleSchema).check(z.maxLength(100)), emptyList),
  capacity: z.prefault(z.object({ defaultMaxOpen: z._default(whole(1, 1000), 10) }), {}),
  priority: priorityPolicySchema,
  language: z.prefault(z.object({ minConfidence: z._default(z.number().check(z.gte(0), z.lte(1)), 0.3) }), {}),
  backlog: z.prefault(z.object({ algorithm: z._default(algorithm, 'least_chats') }), {}),
  /** Per team: hand a conversation back to the queue when its agent has not replied within this many minutes. */
  reassign: z._default(z.array(z.object({ teamId: id, afterMinutes: whole(1, 7 * 24 * 60) })).check(z.maxLength(100)), emptyList),
  /** Teams this channel's conversations may be escalated to by their agent or a manager of their team (admins: any). */
  escalationTeams: z._default(z.array(id).check(z.maxLength(100)), emptyList),
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
