import { planCsatRequest, type CsatConversation } from './csat-request';
import type { CsatLanguage, CsatSettings } from './csat-settings';

/** An approved template as the survey choice needs it: `language` as Meta writes it (`en_US`, `es`). */
export interface SurveyTemplate {
  name: string;
  language: string;
}

/**
 * What resolving a conversation now does about the satisfaction survey, for the resolve dialog: `no-template` is
 * the case an agent must hear about (the window has closed and no approved survey template exists, so nothing is sent).
 */
export type CsatOutlook =
  | { kind: 'list' }
  | { kind: 'template'; name: string; language: string }
  | { kind: 'no-template'; name: string }
  | { kind: 'not-asked'; reason: 'surveys-off' | 'already-asked' | 'bot-resolved' };

/** The approved template to send for a survey in `language`: one in that language first, else any with the name. */
export function pickSurveyTemplate<T extends SurveyTemplate>(templates: readonly T[], name: string, language: CsatLanguage): T | null {
  const named = templates.filter((template) => template.name === name);
  return named.find((template) => template.language.toLowerCase().startsWith(language)) ?? named[0] ?? null;
}

/** Decides what a resolution at `now` will do about the survey, given the channel's approved templates. */
export function csatOutlook(
  conversation: Omit<CsatConversation, 'resolvedBy'>,
  settings: CsatSettings,
  approved: readonly SurveyTemplate[],
  now: number,
): CsatOutlook {
  const request = planCsatRequest({ ...conversation, resolvedBy: 'agent' }, settings, now);
  if (request?.kind === 'list') return { kind: 'list' };
  if (request === null) {
    if (!settings.enabled) return { kind: 'not-asked', reason: 'surveys-off' };
    if (conversation.csatRequestedAt !== null) return { kind: 'not-asked', reason: 'already-asked' };
    return { kind: 'no-template', name: '' };
  }
  const template = pickSurveyTemplate(approved, request.name, request.language);
  return template ? { kind: 'template', name: template.name, language: template.language } : { kind: 'no-template', name: request.name };
}
