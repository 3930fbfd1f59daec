import { checkMetricsQuery, type MetricsQuery } from '../lib/schemas/metrics';
import { respondError } from './api-errors';
import { staffRoute, type Refusal } from './route-kit';
import type { SignedInStaff } from './staff-auth';

export interface MetricsRequest {
  query: MetricsQuery;
  /** The raw query string values (CSV options the schema does not know, such as `table`). */
  raw: Record<string, string>;
  /** Teams the caller may see: undefined for admins (everything), their own teams for managers. */
  teamIds: string[] | undefined;
}

const KEYS = ['from', 'to', 'bucket', 'groupBy', 'channelId', 'teamId', 'businessHours', 'format', 'table'];

const METRICS_REFUSAL: Refusal = { status: 403, reason: 'staff-only', message: 'Only managers and admins see metrics.' };

/** A metrics route: managers and admins only, with a valid period, managers within their teams. */
export function metricsRoute(handle: (e: core.RequestEvent, request: MetricsRequest) => void): (e: core.RequestEvent) => void {
  return staffRoute({ roles: ['manager', 'admin'], refusal: METRICS_REFUSAL }, (e, { staff }) => {
    const request = readMetricsRequest(e, staff);
    if (request) handle(e, request);
  });
}

/** Checks what is asked: a valid period, managers within their teams. Answers the refusal itself. */
function readMetricsRequest(e: core.RequestEvent, staff: SignedInStaff): MetricsRequest | null {
  const role = staff.role;
  const values = e.request!.url!.query();
  const raw: Record<string, string> = {};
  for (const key of KEYS) if (values.get(key)) raw[key] = values.get(key);
  const checked = checkMetricsQuery(raw);
  if (!checked.ok) {
    respondError(e, 400, 'invalid-query', 'The metrics query is invalid.', checked.errors);
    return null;
  }
  const myTeams = staff.record.getStringSlice('teams');
  if (role === 'manager' && checked.query.teamId && !myTeams.includes(checked.query.teamId)) {
    respondError(e, 403, 'not-your-team', 'Managers see their own teams’ metrics.');
    return null;
  }
  const teamIds = checked.query.teamId ? [checked.query.teamId] : role === 'manager' ? myTeams : undefined;
  return { query: checked.query, raw, teamIds };
}
