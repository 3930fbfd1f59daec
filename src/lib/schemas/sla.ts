import * as z from 'zod/mini';
import type { TimeZonePort } from '../domain/hours/time-zone-port';
import { DEFAULT_SLA_POLICY, type ScopedSlaPolicy } from '../domain/sla/sla-policy';
import { scheduleSchema } from './hours';

/** The longest target: a month of minutes keeps every deadline search within a few hundred open periods. */
export const MAX_SLA_MINUTES = 30 * 24 * 60;
const MAX_POLICIES = 200;

/** Field problems in PocketBase's error shape, keyed by dotted path (`policies.0.firstResponseMinutes`). */
export type SlaFieldErrors = Record<string, { code: string; message: string }>;

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));
const minutes = z.number().check(z.int(), z.gte(1), z.lte(MAX_SLA_MINUTES));
const defaults = DEFAULT_SLA_POLICY;

/** What happens once per breach. */
export const slaEscalationSchema = z.prefault(
  z.object({
    notifyManager: z._default(z.boolean(), defaults.escalation.notifyManager),
    raisePriorityTo: z._default(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(1000))), defaults.escalation.raisePriorityTo),
    reassign: z._default(z.boolean(), defaults.escalation.reassign),
  }),
  {},
);

/** One policy and its scope; `{}` is the catch-all default policy. */
export const slaPolicySchema = z.object({
  channelId: z._default(z.nullable(id), null),
  teamId: z._default(z.nullable(id), null),
  firstResponseMinutes: z._default(minutes, defaults.firstResponseMinutes),
  firstResponsePeakMinutes: z._default(minutes, defaults.firstResponsePeakMinutes),
  peakHours: z._default(z.nullable(scheduleSchema), null),
  nextResponseMinutes: z._default(z.nullable(minutes), defaults.nextResponseMinutes),
  resolutionMinutes: z._default(z.nullable(minutes), defaults.resolutionMinutes),
  businessHoursOnly: z._default(z.boolean(), defaults.businessHoursOnly),
  escalation: slaEscalationSchema,
});

/** Every SLA policy of a workspace; without any, one catch-all default applies. */
export const slaSettingsSchema = z
  .object({ policies: z._default(z.array(slaPolicySchema).check(z.maxLength(MAX_POLICIES)), () => [slaPolicySchema.parse({})]) })
  .check(
    z.superRefine((settings, ctx) => {
      const scopes = new Set<string>();
      settings.policies.forEach((policy, i) => {
        const scope = `${policy.channelId ?? '*'}/${policy.teamId ?? '*'}`;
        if (scopes.has(scope))
          ctx.addIssue({
            code: 'custom',
            path: ['policies', i, 'teamId'],
            message: 'Another policy already covers this channel and team.',
            params: { code: 'duplicate-scope' },
          });
        scopes.add(scope);
      });
    }),
  );

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
    if (zone !== undefined && !port.isValidZone(zone))
      errors[`policies.${i}.peakHours.timezone`] = { code: 'unknown-timezone', message: `"${zone}" is not a time zone this server knows.` };
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings: parsed.data };
}
