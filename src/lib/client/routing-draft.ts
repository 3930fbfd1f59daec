// The routing form's working copy of a channel's `routing` JSON, what it sends, and its checks: the same schema and
// team/agent checks the server runs, so most mistakes are caught before anything is sent.
import {
  checkRoutingSettings,
  routingRuleSchema,
  routingSettingsSchema,
  DEFAULT_ROUTING_SETTINGS,
  type PriorityLevel,
  type RoutingAlgorithm,
  type RoutingRule,
  type RoutingSettings,
  type RoutingSettingsInput,
} from '../schemas/routing';
import type { SettingsContext } from '../domain/routing/settings-validation';
import { onListInputs, type FieldErrorMap } from './settings-errors';
import { textOfWords, wordsOf } from './word-list';

export interface ReplyDraft {
  enabled: boolean;
  text: string;
}

/** Where a branch sends a conversation; `''` is "no team" (every agent). */
export interface BranchDraft {
  teamId: string;
  algorithm: RoutingAlgorithm;
  autoReply: ReplyDraft;
}

type EditedRuleKeys =
  | 'name'
  | 'enabled'
  | 'keywords'
  | 'pattern'
  | 'languages'
  | 'vip'
  | 'businessHours'
  | 'escalatedBefore'
  | 'lowRatingBefore'
  | 'teamId'
  | 'agentId'
  | 'skills'
  | 'priority'
  | 'stop';

/** One rule as the form edits it; conditions the form has no input for ride along in `kept`. */
export interface RuleDraft {
  name: string;
  enabled: boolean;
  keywords: string;
  pattern: string;
  languages: string;
  /** `''` is "don't care". */
  vip: '' | 'yes' | 'no';
  businessHours: '' | 'inside' | 'outside';
  /** At least this many escalations before; `null` (an empty input) is "don't care". */
  escalatedBefore: number | null;
  lowRatingBefore: '' | 'yes' | 'no';
  teamId: string;
  agentId: string;
  skills: string;
  priority: PriorityLevel | '';
  stop: boolean;
  kept: Omit<RoutingRule, EditedRuleKeys>;
}

export interface RoutingDraft {
  defaultTeamId: string;
  agentsOnline: BranchDraft;
  agentsOffline: BranchDraft;
  returning: BranchDraft & { ownerUnavailable: 'keep-owner' | 'team' };
  rules: RuleDraft[];
  /** `null` while the number input is empty. */
  defaultMaxOpen: number | null;
  minConfidence: number | null;
  backlogAlgorithm: RoutingAlgorithm;
  /** Per team: minutes without an agent reply before the conversation goes back to the queue. */
  reassign: ReassignDraft[];
  priority: PriorityDraft;
  /** Teams the channel's conversations may be escalated to (see authorizeDeskAction). */
  escalationTeams: string[];
}

/** How urgent a conversation scores: trigger words and emoji, and the points each signal adds. */
export interface PriorityDraft {
  urgencyWords: string;
  angryEmoji: string;
  points: Record<keyof RoutingSettings['priority']['points'], number | null>;
  windowClosingMinutes: number | null;
  slowResolutionMinutes: number | null;
  longIntentMinutes: number | null;
}

export interface ReassignDraft {
  teamId: string;
  afterMinutes: number | null;
}

/** Inputs that edit a whole list: their items' errors show on them. */
export const ROUTING_LIST_INPUTS = ['keywords', 'languages', 'skills', 'urgencyWords', 'angryEmoji'] as const;

const branchOf = (branch: { teamId: string | null; algorithm: RoutingAlgorithm; autoReply: ReplyDraft }): BranchDraft => ({
  teamId: branch.teamId ?? '',
  algorithm: branch.algorithm,
  autoReply: { ...branch.autoReply },
});

function ruleDraftOf(rule: RoutingRule): RuleDraft {
  const {
    name,
    enabled,
    keywords,
    pattern,
    languages,
    vip,
    businessHours,
    escalatedBefore,
    lowRatingBefore,
    teamId,
    agentId,
    skills,
    priority,
    stop,
    ...kept
  } = rule;
  return {
    name,
    enabled,
    keywords: textOfWords(keywords),
    pattern: pattern ?? '',
    languages: textOfWords(languages),
    vip: vip === null ? '' : vip ? 'yes' : 'no',
    businessHours: businessHours ?? '',
    escalatedBefore: escalatedBefore ?? null,
    lowRatingBefore: lowRatingBefore === null || lowRatingBefore === undefined ? '' : lowRatingBefore ? 'yes' : 'no',
    teamId: teamId ?? '',
    agentId: agentId ?? '',
    skills: textOfWords(skills),
    priority: priority ?? '',
    stop,
    kept: structuredClone(kept),
  };
}

/** The stored settings as a draft; a document that no longer parses starts from the defaults. */
export function routingDraftOf(raw: unknown): RoutingDraft {
  const parsed = routingSettingsSchema.safeParse(raw ?? {});
  const settings = parsed.success ? parsed.data : DEFAULT_ROUTING_SETTINGS;
  const { newCustomer, returningCustomer } = settings;
  return {
    defaultTeamId: settings.defaultTeamId ?? '',
    agentsOnline: branchOf(newCustomer.agentsOnline),
    agentsOffline: branchOf(newCustomer.agentsOffline),
    returning: { ...branchOf(returningCustomer), ownerUnavailable: returningCustomer.ownerUnavailable },
    rules: settings.rules.map(ruleDraftOf),
    defaultMaxOpen: settings.capacity.defaultMaxOpen,
    minConfidence: settings.language.minConfidence,
    backlogAlgorithm: settings.backlog.algorithm,
    reassign: settings.reassign.map((entry) => ({ ...entry })),
    priority: {
      urgencyWords: textOfWords(settings.priority.urgencyWords),
      angryEmoji: textOfWords(settings.priority.angryEmoji),
      points: { ...settings.priority.points },
      windowClosingMinutes: settings.priority.windowClosingMinutes,
      slowResolutionMinutes: settings.priority.slowResolutionMinutes,
      longIntentMinutes: settings.priority.longIntentMinutes,
    },
    escalationTeams: [...settings.escalationTeams],
  };
}

/** Moves rule `index` one place earlier: rules are checked in order, so order decides which team wins. */
export function moveRuleUp(rules: RuleDraft[], index: number): void {
  if (index <= 0 || index >= rules.length) return;
  const [rule] = rules.splice(index, 1);
  if (rule) rules.splice(index - 1, 0, rule);
}

/** A new rule at the end of the list: enabled, matching nothing until the admin adds a condition. */
export function newRuleDraft(position: number): RuleDraft {
  return ruleDraftOf(routingRuleSchema.parse({ name: `Rule ${position}` }));
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const branchInputOf = (branch: BranchDraft) => ({ teamId: orNull(branch.teamId), algorithm: branch.algorithm, autoReply: { ...branch.autoReply } });

// A cleared number input is `null`; sent as is, the schema reports it on the field instead of silently using a default.
const numberInput = (value: number | null) => value as number;

/** The draft as `routing` JSON. */
export function routingInputOf(draft: RoutingDraft): RoutingSettingsInput {
  return {
    defaultTeamId: orNull(draft.defaultTeamId),
    newCustomer: { agentsOnline: branchInputOf(draft.agentsOnline), agentsOffline: branchInputOf(draft.agentsOffline) },
    returningCustomer: { ...branchInputOf(draft.returning), ownerUnavailable: draft.returning.ownerUnavailable },
    rules: draft.rules.map((rule) => ({
      ...rule.kept,
      name: rule.name,
      enabled: rule.enabled,
      keywords: wordsOf(rule.keywords),
      pattern: rule.pattern === '' ? null : rule.pattern,
      languages: wordsOf(rule.languages),
      vip: rule.vip === '' ? null : rule.vip === 'yes',
      businessHours: rule.businessHours === '' ? null : rule.businessHours,
      escalatedBefore: rule.escalatedBefore,
      lowRatingBefore: rule.lowRatingBefore === '' ? null : rule.lowRatingBefore === 'yes',
      teamId: orNull(rule.teamId),
      agentId: orNull(rule.agentId),
      skills: wordsOf(rule.skills),
      priority: rule.priority === '' ? null : rule.priority,
      stop: rule.stop,
    })),
    capacity: { defaultMaxOpen: numberInput(draft.defaultMaxOpen) },
    priority: {
      urgencyWords: wordsOf(draft.priority.urgencyWords),
      angryEmoji: wordsOf(draft.priority.angryEmoji),
      points: Object.fromEntries(Object.entries(draft.priority.points).map(([key, value]) => [key, numberInput(value)])),
      windowClosingMinutes: numberInput(draft.priority.windowClosingMinutes),
      slowResolutionMinutes: numberInput(draft.priority.slowResolutionMinutes),
      longIntentMinutes: numberInput(draft.priority.longIntentMinutes),
    },
    language: { minConfidence: numberInput(draft.minConfidence) },
    backlog: { algorithm: draft.backlogAlgorithm },
    reassign: draft.reassign.map((entry) => ({ teamId: entry.teamId, afterMinutes: numberInput(entry.afterMinutes) })),
    escalationTeams: [...draft.escalationTeams],
  };
}

/** The settings to send, or field errors keyed like the form (`rules.0.keywords`, `agentsOnline.autoReply.text`). */
export function checkRoutingDraft(
  draft: RoutingDraft,
  context: SettingsContext,
): { ok: true; input: RoutingSettingsInput } | { ok: false; errors: FieldErrorMap } {
  const input = routingInputOf(draft);
  const checked = checkRoutingSettings(input, context);
  return checked.ok ? { ok: true, input } : { ok: false, errors: routingFormErrors(checked.errors) };
}

// The JSON nests the new-customer branches and names the returning one in full; the form is flatter.
const FORM_PATHS: ReadonlyArray<[RegExp, string]> = [
  [/^newCustomer\.(agentsOnline|agentsOffline)\./, '$1.'],
  [/^returningCustomer\./, 'returning.'],
  [/^capacity\.defaultMaxOpen$/, 'defaultMaxOpen'],
  [/^language\.minConfidence$/, 'minConfidence'],
  [/^backlog\.algorithm$/, 'backlogAlgorithm'],
];

/** Errors keyed by the JSON's paths (the server's, without `routing.`) re-keyed onto the form's inputs. */
export function routingFormErrors(errors: FieldErrorMap): FieldErrorMap {
  const renamed: FieldErrorMap = {};
  for (const [path, problem] of Object.entries(errors)) {
    const rule = FORM_PATHS.find(([pattern]) => pattern.test(path));
    renamed[rule ? path.replace(rule[0], rule[1]) : path] ??= problem;
  }
  return onListInputs(renamed, ROUTING_LIST_INPUTS);
}
