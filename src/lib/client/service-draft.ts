// The service settings screen: weekly QA per team, the satisfaction survey and response targets per channel.
// Each draft is checked with the schema the server checks it with; saves answer SaveResults with field errors.
import type PocketBase from 'pocketbase';
import { z } from 'zod';
import { DEFAULT_CSAT_SETTINGS } from '../domain/csat/csat-settings';
import { WEEKDAYS, type Weekday } from '../domain/hours/schedule';
import { DEFAULT_QA_SETTINGS } from '../domain/qa/qa-settings';
import { DEFAULT_SLA_POLICY } from '../domain/sla/sla-policy';
import { checkCsatSettings, type ParsedCsatSettings } from '../schemas/csat';
import { checkQaSettings, type ParsedQaSettings } from '../schemas/qa';
import { checkSlaSettings, type SlaSettings } from '../schemas/sla';
import { checkWaitingPushSettings, waitingPushSettingsOf, type ParsedWaitingPushSettings } from '../schemas/waiting-push';
import { saveRecord } from './admin-records';
import { intlTimeZone } from './intl-time-zone';
import { errorsFromServer, failureOf, type FieldErrorMap, type SaveResult } from './settings-errors';

const json = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}));
export const serviceChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z
    .string()
    .nullish()
    .transform((v) => v || 'UTC'),
  service: json,
});
export const serviceTeamSchema = z.object({ id: z.string(), name: z.string(), settings: json });
export type ServiceChannel = z.infer<typeof serviceChannelSchema>;
export type ServiceTeam = z.infer<typeof serviceTeamSchema>;
type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrorMap };
const recode = (errors: Record<string, { code: string; message: string }>) => errorsFromServer(errors);

// Weekly QA

export interface QaDraft {
  enabled: boolean;
  samplePerAgent: number | null;
  periodDays: number | null;
  rubric: { id: string; label: string; max: number | null }[];
}

export function qaDraftOf(team: ServiceTeam): QaDraft {
  const checked = checkQaSettings(team.settings.qa ?? {});
  const qa = checked.ok ? checked.settings : DEFAULT_QA_SETTINGS;
  return { enabled: qa.enabled, samplePerAgent: qa.samplePerAgent, periodDays: qa.periodDays, rubric: qa.rubric.map((c) => ({ ...c })) };
}

export function checkQaDraft(draft: QaDraft): Checked<ParsedQaSettings> {
  const checked = checkQaSettings({
    ...draft,
    samplePerAgent: draft.samplePerAgent ?? undefined,
    periodDays: draft.periodDays ?? undefined,
    rubric: draft.rubric.map((c) => ({ ...c, max: c.max ?? undefined })),
  });
  return checked.ok ? { ok: true, input: checked.settings } : { ok: false, errors: recode(checked.errors) };
}

/** Saves a team's QA settings through the route admins and the team's managers may use. */
export async function saveTeamQa(pb: PocketBase, teamId: string, qa: ParsedQaSettings): Promise<SaveResult<ParsedQaSettings>> {
  try {
    const answer = (await pb.send(`/api/pocketdesk/teams/${encodeURIComponent(teamId)}/qa`, { method: 'POST', body: qa, requestKey: null })) as {
      qa: ParsedQaSettings;
    };
    return { ok: true, value: answer.qa };
  } catch (error) {
    return failureOf(error);
  }
}

// Waiting push (per team)

export interface WaitingPushDraft {
  enabled: boolean;
  everyMinutes: number | null;
}

export function waitingPushDraftOf(team: ServiceTeam): WaitingPushDraft {
  return { ...waitingPushSettingsOf(team.settings) };
}

export function checkWaitingPushDraft(draft: WaitingPushDraft): Checked<ParsedWaitingPushSettings> {
  const checked = checkWaitingPushSettings({ enabled: draft.enabled, everyMinutes: draft.everyMinutes ?? undefined });
  return checked.ok ? { ok: true, input: checked.settings } : { ok: false, errors: recode(checked.errors) };
}

/** Saves a team's waiting push beside its other settings (admins; the server checks it with the same schema). */
export function saveTeamWaitingPush(pb: PocketBase, team: ServiceTeam, waitingPush: ParsedWaitingPushSettings): Promise<SaveResult<ServiceTeam>> {
  return saveRecord(pb, 'teams', team.id, { settings: { ...team.settings, waitingPush } }, serviceTeamSchema, 'settings.waitingPush');
}

// Satisfaction survey

export type CsatDraft = ParsedCsatSettings;

export function csatDraftOf(channel: ServiceChannel): CsatDraft {
  const checked = checkCsatSettings(channel.service.csat ?? {});
  const csat = checked.ok ? checked.settings : DEFAULT_CSAT_SETTINGS;
  return { ...csat, question: { ...csat.question }, commentPrompt: { ...csat.commentPrompt } };
}

export function checkCsatDraft(draft: CsatDraft): Checked<ParsedCsatSettings> {
  const checked = checkCsatSettings(draft);
  return checked.ok ? { ok: true, input: checked.settings } : { ok: false, errors: recode(checked.errors) };
}

// Response targets

export interface PeakDraft {
  use: boolean;
  timezone: string;
  from: string;
  to: string;
  days: Weekday[];
}

export interface SlaPolicyDraft {
  teamId: string;
  firstResponseMinutes: number | null;
  firstResponsePeakMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  businessHoursOnly: boolean;
  notifyManager: boolean;
  reassign: boolean;
  peak: PeakDraft;
}

export function newPolicyDraft(timezone: string, teamId = ''): SlaPolicyDraft {
  const d = DEFAULT_SLA_POLICY;
  return {
    teamId,
    firstResponseMinutes: d.firstResponseMinutes,
    firstResponsePeakMinutes: d.firstResponsePeakMinutes,
    nextResponseMinutes: d.nextResponseMinutes,
    resolutionMinutes: d.resolutionMinutes,
    businessHoursOnly: d.businessHoursOnly,
    notifyManager: d.escalation.notifyManager,
    reassign: d.escalation.reassign,
    peak: { use: false, timezone, from: '12:00', to: '14:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
  };
}

/** The channel's policies as drafts; a peak schedule keeps its first interval of each day it is busy. */
export function slaDraftOf(channel: ServiceChannel): SlaPolicyDraft[] {
  const checked = checkSlaSettings(channel.service.sla ?? {}, intlTimeZone);
  const policies = checked.ok ? checked.settings.policies : [];
  return policies.map((p) => {
    const days = p.peakHours ? WEEKDAYS.filter((day) => (p.peakHours!.weekly[day] ?? []).length > 0) : [];
    const first = days.length ? p.peakHours!.weekly[days[0]]![0] : null;
    return {
      ...newPolicyDraft(channel.timezone, p.teamId ?? ''),
      firstResponseMinutes: p.firstResponseMinutes,
      firstResponsePeakMinutes: p.firstResponsePeakMinutes,
      nextResponseMinutes: p.nextResponseMinutes,
      resolutionMinutes: p.resolutionMinutes,
      businessHoursOnly: p.businessHoursOnly,
      notifyManager: p.escalation.notifyManager,
      reassign: p.escalation.reassign,
      peak:
        p.peakHours && first ? { use: true, timezone: p.peakHours.timezone, from: first.start, to: first.end, days } : newPolicyDraft(channel.timezone).peak,
    };
  });
}

/** The policies to store, scoped to this channel; errors keyed `policies.N.field` like the form. */
export function checkSlaDraft(channelId: string, drafts: SlaPolicyDraft[]): Checked<SlaSettings> {
  const raw = {
    policies: drafts.map((p) => ({
      channelId,
      teamId: p.teamId || null,
      firstResponseMinutes: p.firstResponseMinutes ?? undefined,
      firstResponsePeakMinutes: p.firstResponsePeakMinutes ?? undefined,
      nextResponseMinutes: p.nextResponseMinutes,
      resolutionMinutes: p.resolutionMinutes,
      businessHoursOnly: p.businessHoursOnly,
      escalation: { notifyManager: p.notifyManager, reassign: p.reassign, raisePriorityTo: null },
      peakHours: p.peak.use
        ? {
            timezone: p.peak.timezone,
            weekly: Object.fromEntries(p.peak.days.map((day) => [day, [{ start: p.peak.from, end: p.peak.to }]])),
            holidays: [],
            special_dates: [],
          }
        : null,
    })),
  };
  const checked = checkSlaSettings(raw, intlTimeZone);
  if (checked.ok) return { ok: true, input: checked.settings };
  // Peak-hour errors land on the form's two time inputs, whichever day the schema named.
  const errors: FieldErrorMap = {};
  for (const [path, problem] of Object.entries(recode(checked.errors))) {
    const placed = path
      .replace(/peakHours\.weekly\.\w+\.\d+\.(start|end)$/, (_m, end) => `peak.${end === 'start' ? 'from' : 'to'}`)
      .replace(/peakHours\.timezone$/, 'peak.timezone');
    errors[placed] ??= problem;
  }
  return { ok: false, errors };
}

/** Saves one part of a channel's `service` (sla or csat), keeping the other; errors come back keyed inside the part. */
export function saveChannelService(pb: PocketBase, channel: ServiceChannel, part: 'sla' | 'csat', value: unknown): Promise<SaveResult<ServiceChannel>> {
  return saveRecord(pb, 'channels', channel.id, { service: { ...channel.service, [part]: value } }, serviceChannelSchema, `service.${part}`);
}
