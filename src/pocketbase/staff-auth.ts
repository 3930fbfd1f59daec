// Who is asking, as the desk's own routes see it: a signed-in agent record and their role. PocketBase's API rules
// guard the collections; the custom routes under /api/pocketdesk share this one check instead of each its own.
import { staffRoleOf, type StaffRole } from '../lib/schemas/directory';
import { auditKeyUse } from './api-keys';

export interface SignedInStaff {
  record: core.Record;
  role: StaffRole;
}

/** The signed-in agent and their role; null for guests and superusers. An unknown role counts as the least, `agent`. */
export function signedInStaff(e: core.RequestEvent): SignedInStaff | null {
  const auth = e.auth;
  if (!auth || auth.collection().name !== 'agents') return null;
  // An API key's account: audited, and refused here (403) when the key may not make this request.
  if (auth.getBool('api_key')) auditKeyUse(e.app, auth, { method: e.request?.method ?? '', path: e.request?.url?.path ?? '' }, 'desk-route', '');
  return { record: auth, role: staffRoleOf(auth.getString('role')) };
}

/** Whether the signed-in agent holds one of `roles`. */
export function hasStaffRole(e: core.RequestEvent, ...roles: StaffRole[]): boolean {
  const staff = signedInStaff(e);
  return staff !== null && roles.includes(staff.role);
}
