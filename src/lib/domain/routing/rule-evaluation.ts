import type { PriorityLevel, RoutingRule } from '../../schemas/routing';
import { NO_HISTORY, type CustomerHistory } from '../signals/customer-history';
import { compilePattern, type PatternProblem } from './pattern-safety';
import { PRIORITY_BASE } from './priority-score';
import { foldText, hasPhrase } from './text-folding';

/** What rules can look at, gathered once per decision. */
export interface RuleFacts {
  text: string;
  /** foldText(text), shared with priority scoring. */
  folded: string;
  language: string | null;
  channelId: string;
  vip: boolean;
  /** The contact's and the conversation's labels together. */
  labels: readonly string[];
  attributes: Readonly<Record<string, unknown>>;
  insideBusinessHours: boolean;
  localMinutes: number;
  /** The customer's past (escalations, low ratings); absent: nothing known, so history conditions do not hold. */
  history?: CustomerHistory;
}

export interface RuleRef {
  index: number;
  name: string;
}

export type SkipReason = PatternProblem | 'rule-error' | 'unknown-agent' | 'agent-unavailable';

/**
 * A rule that could not be used as written. Pattern problems and errors skip the whole rule; `unknown-agent`
 * and `agent-unavailable` drop only its assign-agent action, and the rest of the rule still applies.
 */
export interface SkippedRule extends RuleRef {
  reason: SkipReason;
  detail: string;
}

/** The combined effect of the rules that matched. */
export interface RuleEffects {
  /** The first matching rule to name a team or an agent wins; later rules only add skills, labels and priority. */
  teamId: string | null;
  agentId: string | null;
  agentRule: RuleRef | null;
  skills: string[];
  labels: string[];
  priority: PriorityLevel | null;
  /**
   * The team came from a rule on the customer's history (escalated or rated low before): the customer already went
   * past their usual agent, so the owner relationship gives way to that team.
   */
  teamOverridesOwner: boolean;
  matched: RuleRef[];
  skipped: SkippedRule[];
}

// Backtracking cost grows with input length; the start of a first message is what routing needs anyway.
export const PATTERN_INPUT_LIMIT = 1000;

type RuleMatch = { matched: boolean } | { skipped: PatternProblem; detail: string };

const stringsOf = (value: unknown): string[] => {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
};

function attributeHolds(attribute: RoutingRule['attributes'][number], attributes: Readonly<Record<string, unknown>>): boolean {
  const values = stringsOf(Object.prototype.hasOwnProperty.call(attributes, attribute.field) ? attributes[attribute.field] : undefined).filter((v) => v !== '');
  if (attribute.op === 'is-set') return values.length > 0;
  if (attribute.op === 'not-set') return values.length === 0;
  const wanted = foldText(attribute.value).trim();
  if (attribute.op === 'equals') return values.some((v) => foldText(v).trim() === wanted);
  return values.some((v) => foldText(v).includes(wanted));
}

/** Whether the contact's language is the one the rule names; `es` also matches regional variants like `es-MX`. */
export function languageMatches(wanted: string, actual: string | null): boolean {
  if (actual === null) return false;
  const lower = actual.toLowerCase();
  const target = wanted.toLowerCase();
  return lower === target || lower.split(/[-_]/)[0] === target;
}

/** Whether a local time falls in [from, to); a range whose end is before its start runs past midnight. */
export function isWithinMinutes(minutes: number, from: number, to: number): boolean {
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** A list from settings; anything else means the rule was stored without validation, which skips the rule. */
function listOf<T>(value: readonly T[]): readonly T[] {
  if (!Array.isArray(value)) throw new TypeError('expected a list');
  return value;
}

function matchRule(rule: RoutingRule, facts: RuleFacts): RuleMatch {
  const channelIds = listOf(rule.channelIds);
  const languages = listOf(rule.languages);
  const labels = listOf(rule.labels);
  const keywords = listOf(rule.keywords);
  // Cheap, exact conditions first so the regex runs only when everything else already holds.
  if (channelIds.length > 0 && !channelIds.includes(facts.channelId)) return { matched: false };
  if (rule.vip !== null && rule.vip !== facts.vip) return { matched: false };
  if (rule.businessHours !== null && (rule.businessHours === 'inside') !== facts.insideBusinessHours) return { matched: false };
  if (rule.timeOfDay !== null && !isWithinMinutes(facts.localMinutes, rule.timeOfDay.from, rule.timeOfDay.to)) return { matched: false };
  if (languages.length > 0 && !languages.some((l) => languageMatches(l, facts.language))) return { matched: false };
  if (labels.length > 0 && !labels.some((l) => facts.labels.includes(l))) return { matched: false };
  const history = facts.history ?? NO_HISTORY;
  // Rules stored before these conditions existed lack them: undefined is "don't care", like null.
  if (rule.escalatedBefore != null && history.escalations < rule.escalatedBefore) return { matched: false };
  if (rule.lowRatingBefore != null && rule.lowRatingBefore !== history.lowRatings > 0) return { matched: false };
  if (!listOf(rule.attributes).every((a) => attributeHolds(a, facts.attributes))) return { matched: false };
  if (keywords.length > 0 && !keywords.some((k) => hasPhrase(facts.folded, k))) return { matched: false };
  if (rule.pattern !== null && rule.pattern !== '') {
    if (typeof rule.pattern !== 'string') throw new TypeError('expected a pattern string');
    const compiled = compilePattern(rule.pattern);
    if (!compiled.ok) return { skipped: compiled.code, detail: compiled.message };
    return { matched: compiled.regex.test(facts.text.slice(0, PATTERN_INPUT_LIMIT)) };
  }
  return { matched: true };
}

const ruleName = (rule: RoutingRule, index: number): string => (typeof rule?.name === 'string' && rule.name !== '' ? rule.name : `Rule ${index + 1}`);

/** Runs the rules in order until one says stop; a rule that is broken or throws is skipped and reported, never fatal. */
export function applyRules(rules: readonly RoutingRule[], facts: RuleFacts): RuleEffects {
  const effects: RuleEffects = {
    teamId: null,
    agentId: null,
    agentRule: null,
    skills: [],
    labels: [],
    priority: null,
    teamOverridesOwner: false,
    matched: [],
    skipped: [],
  };
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index];
    const ref = { index, name: ruleName(rule, index) };
    let stop = false;
    try {
      if (rule.enabled === false) continue;
      const outcome = matchRule(rule, facts);
      if ('skipped' in outcome) {
        effects.skipped.push({ ...ref, reason: outcome.skipped, detail: outcome.detail });
        continue;
      }
      if (!outcome.matched) continue;
      // Read every action before changing anything, so a rule that throws half-way leaves no trace.
      const skills = listOf(rule.skills).map((s) => s.toLowerCase());
      const labels = [...listOf(rule.addLabels)];
      const { teamId, agentId, priority } = rule;
      stop = rule.stop === true;
      effects.matched.push(ref);
      if (effects.teamId === null && teamId) {
        effects.teamId = teamId;
        effects.teamOverridesOwner = rule.escalatedBefore != null || rule.lowRatingBefore === true;
      }
      if (effects.agentId === null && agentId) {
        effects.agentId = agentId;
        effects.agentRule = ref;
      }
      for (const s of skills) if (!effects.skills.includes(s)) effects.skills.push(s);
      for (const l of labels) if (!effects.labels.includes(l)) effects.labels.push(l);
      if (priority && (effects.priority === null || PRIORITY_BASE[priority] > PRIORITY_BASE[effects.priority])) effects.priority = priority;
    } catch (error) {
      effects.skipped.push({ ...ref, reason: 'rule-error', detail: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (stop) break;
  }
  return effects;
}
