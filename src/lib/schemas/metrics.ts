import * as z from 'zod/mini';
import { daysFromCivil, DAY_MS, parseIsoDate } from '../domain/hours/civil-date';

/** Bucket sizes a backlog chart can ask for. */
export const METRIC_BUCKETS = { hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS } as const;
export type MetricBucket = keyof typeof METRIC_BUCKETS;
/** The longest range one report reads: a year and a bit, so "last 12 months" always fits. */
export const MAX_METRICS_RANGE_DAYS = 400;

/** Field problems in PocketBase's error shape, keyed by field (`to`). */
export type MetricsFieldErrors = Record<string, { code: string; message: string }>;

// ISO 8601 with a required offset; a space instead of `T` is how PocketBase writes dates.
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms from epoch-ms digits or an ISO 8601 instant with an offset, without `Date.parse` (whose fallbacks differ by runtime); null when neither. */
export function parseInstant(text: string): number | null {
  const value = text.trim();
  if (/^-?\d{1,15}$/.test(value)) return Number(value);
  const match = ISO_INSTANT.exec(value);
  const date = match ? parseIsoDate(match[1] as string) : null;
  if (!match || !date) return null;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const zone = match[6] as string;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  // Digits, not arithmetic on a fraction: 0.57 * 1000 is 569.999… in floating point.
  const millis = Number((match[5] ?? '').padEnd(3, '0').slice(0, 3));
  return daysFromCivil(date.year, date.month, date.day) * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}

const instant = z.pipe(
  z.union([z.number().check(z.int()), z.string()]),
  z.transform((value: number | string, ctx) => {
    const ms = typeof value === 'number' ? value : parseInstant(value);
    if (ms === null || !Number.isSafeInteger(ms)) {
      ctx.issues.push({
        code: 'custom',
        message: 'Use epoch milliseconds or an ISO 8601 instant with its offset.',
        params: { code: 'invalid-instant' },
        input: value,
      });
      return z.NEVER;
    }
    return ms;
  }),
);
// Query strings carry booleans as text.
const flag = z.pipe(
  z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]),
  z.transform((value: boolean | 'true' | 'false' | '1' | '0') => value === true || value === 'true' || value === '1'),
);

/** A metrics or export request, from a query string or JSON body. */
export const metricsQuerySchema = z
  .object({
    from: instant,
    to: instant,
    bucket: z._default(z.enum(['hour', 'day', 'week']), 'day'),
    groupBy: z._default(z.enum(['none', 'agent', 'team', 'channel']), 'none'),
    channelId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
    teamId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
    businessHours: z._default(flag, true),
    format: z._default(z.enum(['json', 'csv']), 'json'),
  })
  .check(
    z.superRefine((query, ctx) => {
      const span = query.to - query.from;
      const refuse = (code: string, message: string) => ctx.addIssue({ code: 'custom', path: ['to'], message, params: { code } });
      if (span <= 0) refuse('empty-range', 'The end must come after the start.');
      // The longest range in hourly buckets stays under MAX_BACKLOG_BUCKETS (a test holds the two together).
      else if (span > MAX_METRICS_RANGE_DAYS * DAY_MS) refuse('range-too-long', `Ask for at most ${MAX_METRICS_RANGE_DAYS} days at once.`);
    }),
  );

export type MetricsQueryInput = z.input<typeof metricsQuerySchema>;
export type MetricsQuery = z.output<typeof metricsQuerySchema>;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Parses a metrics request, in PocketBase's error shape. */
export function checkMetricsQuery(raw: unknown): { ok: true; query: MetricsQuery } | { ok: false; errors: MetricsFieldErrors } {
  const parsed = metricsQuerySchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, query: parsed.data };
  const errors: MetricsFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const missing = issue.code !== 'custom' && valueAt(raw, issue.path) === undefined;
    const code = missing ? 'required' : issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : issue.code.replace(/_/g, '-');
    errors[issue.path.map(String).join('.') || 'query'] ??= { code, message: missing ? 'This field is required.' : issue.message };
  }
  return { ok: false, errors };
}
