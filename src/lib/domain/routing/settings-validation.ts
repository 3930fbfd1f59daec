import type { RoutingSettings } from '../../schemas/routing';
import { checkPattern } from './pattern-safety';
import { foldText } from './text-folding';

/** Field-level problems in PocketBase's error shape, keyed by dotted path: `{ "rules.2.pattern": { code, message } }`. */
export type FieldErrors = Record<string, { code: string; message: string }>;

/** The ids a channel's settings may refer to. */
export interface SettingsContext {
  teamIds: readonly string[];
  agentIds: readonly string[];
}

/** Lists what is wrong with parsed routing settings for this channel's teams and agents; empty when they can be saved. */
export function validateRoutingSettings(settings: RoutingSettings, context: SettingsContext): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, code: string, message: string): void => {
    errors[path] ??= { code, message };
  };
  const checkTeam = (path: string, teamId: string | null): void => {
    if (teamId !== null && !context.teamIds.includes(teamId)) add(path, 'unknown-team', 'This team does not exist (any more).');
  };
  checkTeam('defaultTeamId', settings.defaultTeamId);
  for (const branch of ['agentsOnline', 'agentsOffline'] as const) {
    checkTeam(`newCustomer.${branch}.teamId`, settings.newCustomer[branch].teamId);
  }
  checkTeam('returningCustomer.teamId', settings.returningCustomer.teamId);

  if (!Number.isInteger(settings.capacity.defaultMaxOpen) || settings.capacity.defaultMaxOpen < 1) {
    add('capacity.defaultMaxOpen', 'capacity-too-low', 'Each agent must be able to hold at least one conversation.');
  }

  settings.rules.forEach((rule, i) => {
    const at = `rules.${i}`;
    if (rule.pattern !== null && rule.pattern !== '') {
      const check = checkPattern(rule.pattern);
      if (!check.ok) add(`${at}.pattern`, check.code, check.message);
    }
    rule.keywords.forEach((keyword, k) => {
      if (foldText(keyword.replace(/\*$/, '')).trim() === '') add(`${at}.keywords.${k}`, 'empty-keyword', 'A keyword needs at least one letter or digit.');
    });
    if (rule.timeOfDay !== null && rule.timeOfDay.from === rule.timeOfDay.to) {
      add(`${at}.timeOfDay`, 'empty-time-range', 'The time range starts and ends at the same minute.');
    }
    checkTeam(`${at}.teamId`, rule.teamId);
    if (rule.agentId !== null && !context.agentIds.includes(rule.agentId)) add(`${at}.agentId`, 'unknown-agent', 'This agent does not exist (any more).');
  });

  settings.reassign.forEach((entry, i) => {
    checkTeam(`reassign.${i}.teamId`, entry.teamId);
    if (!Number.isInteger(entry.afterMinutes) || entry.afterMinutes < 1)
      add(`reassign.${i}.afterMinutes`, 'invalid-minutes', 'Use a whole number of minutes, at least one.');
  });
  settings.escalationTeams.forEach((teamId, i) => {
    checkTeam(`escalationTeams.${i}`, teamId);
    if (settings.escalationTeams.indexOf(teamId) !== i) add(`escalationTeams.${i}`, 'duplicate-team', 'This team is listed twice.');
  });
  return errors;
}
