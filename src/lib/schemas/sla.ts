import { z } from 'zod';
import type { TimeZonePort } from '../domain/hours/time-zone-port';
import { DEFAULT_SLA_POLICY, type ScopedSlaPolicy } from '../domain/sla/sla-policy';
import { scheduleSchema } from './hours';

/** The longest target: a month of minutes keeps every deadline search within a few hundred open periods. */
export const MAX_SLA_MINUTES = 30 * 24 * 60;
const MAX_POLICIES = 200;

/** Field problems in PocketBase's error shape, keyed by dotted path (`policies.0.firstResponseMinutes`). */
export type SlaFieldErrors = Record<string, { code: string; message: string }>;

const id = z.string().trim().min(1).max(64);
const minutes = z.number().int().min(1).max(MAX_SLA_MINUTES);
const defaults = DEFAULT_SLA_POLICY;

/** What happens once per breach. */
export const slaEscalationSchema = z
  .object({
    notifyManager: z.boolean().default(defaults.escalation.notifyManager),
    raisePriorityTo: z.number().int().min(0).max(1000).nullable().default(defaults.escalation.raisePriorityTo),
    reassign: z.boolean().default(defaults.escalation.reassign),
  })
  .prefault({});

/** One policy and its scope; `{}` is the catch-all default policy. */
export const slaPolicySchema = z.object({
  channelId: id.nullable().default(null),
  teamId: id.nullable().default(null),
  firstResponseMinutes: minutes.default(defaults.firstResponseMinutes),
  firstResponsePeakMinutes: minutes.default(defaults.firstResponsePeakMinutes),
  peakHours: scheduleSchema.nullable().default(null),
  nextResponseMinutes: minutes.nullable().default(defaults.nextResponseMinutes),
  resolutionMinutes: minutes.nullable().default(defaults.resolutionMinutes),
  businessHoursOnly: z.boolean().default(defaults.businessHoursOnly),
  escalation: slaEscalationSchema,
});

/** Every SLA policy of a workspace; without any, one catch-all default applies. */
export const slaSettingsSchema = z
  .object({ policies: z.array(slaPolicySchema).max(MAX_POLICIES).default(() => [slaPolicySchema.parse({})]) })
  .superRefine((settings, ctx) => {
    const scopes = new Set<string>();
    settings.policies.forEach((policy, i) => {
      const scope = `${policy.channelId ?? '*'}/${policy.teamId ?? '*'}`;
      if (scopes.has(scope)) ctx.addIssue({ code: 'custom', path: ['policies', i, 'teamId'], message: 'Another policy already covers this channel and team.', params: { code: 'duplicate-scope' } });
      scopes.add(scope);
    });
  });

export type SlaSettingsInput = z.input<typeof slaSettingsSchema>;
/** Parsed settings; the constraint fails the build if the schema drifts from the domain's policy type. */
export type SlaSettings = { policies: Array<SatisfiesDomain<z.output<typeof slaPolicySchema>>> };
type SatisfiesDomain<T extends ScopedSlaPolicy> = T;

/** The settings a workspace starts with. */
export const DEFAULT_SLA_SETTINGS: SlaSettings = slaSettingsSchema.parse({});

function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): SlaFieldErrors {
  const errors: SlaFieldErrors = {};
  for (const issue of issues) {
    const code = issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : issue.code.replace(/_/g, '-');
    errors[issue.path.map(String).join('.') || 'sla'] ??= { code, message: issue.message };
  }
  return errors;
}

/** Parses stored or submitted SLA settings and checks each peak-hours zone with `port`, in PocketBase's error shape. */
export function checkSlaSettings(raw: unknown, port: TimeZonePort): { ok: true; settings: SlaSettings } | { ok: false; errors: SlaFieldErrors } {
  const parsed = slaSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error.issues) };
  const errors: SlaFieldErrors = {};
  parsed.data.policies.forEach((policy, i) => {
    const zone = policy.peakHours?.timezone;
    if (zone !== undefined && !port.isValidZone(zone)) errors[`policies.${i}.peakHours.timezone`] = { code: 'unknown-timezone', message: `"${zone}" is not a time zone this server knows.` };
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings: parsed.data };
}
