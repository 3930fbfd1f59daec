// The one way the hooks answer HTTP: who may call a route (a signed-in agent with one of its roles, or a superuser
// for the worker's routes), how its JSON body is read and checked, and how refusals look. A route is declared with
// staffRoute or workerRoute and exported under the name pb_hooks/pocketdesk.pb.js delegates to.
import * as z from 'zod/mini';
import { STAFF_ROLES, type StaffRole } from '../lib/schemas/directory';
import { fieldErrorsOf, respondError, type FieldErrorOptions } from './api-errors';
import { currentApp } from './current-app';
import { signedInStaff, type SignedInStaff } from './staff-auth';

type Schema = z.core.$ZodType;

export { currentApp };

/** A refusal's HTTP status, stable reason and human sentence. */
export interface Refusal {
  status: number;
  reason: string;
  message: string;
}

const SIGN_IN_REQUIRED: Refusal = { status: 401, reason: 'sign-in-required', message: 'Sign in as an agent.' };
const ROLE_NOT_ALLOWED: Refusal = { status: 403, reason: 'forbidden', message: 'Your role may not call this route.' };
const SUPERUSER_ONLY: Refusal = { status: 403, reason: 'superuser-only', message: 'Only a superuser (the worker) may call this route.' };
const INVALID_BODY: InvalidBody = { reason: 'invalid-body', message: 'The body is not valid.' };

/** Accepts any body: for routes that read none (malformed JSON is still refused). */
const anyBody = z.unknown();

/** How a body the schema refuses is answered: 400 with this reason and the field errors, keyed as `fieldErrors` says. */
export interface InvalidBody {
  reason: string;
  message: string;
  fieldErrors?: FieldErrorOptions;
}

interface BodySpec<S extends Schema> {
  /** The body's schema; a body it refuses gets 400 with `invalid`'s reason and the field errors. */
  body?: S;
  invalid?: InvalidBody;
}

export interface StaffRouteSpec<S extends Schema> extends BodySpec<S> {
  /** Roles that may call the route; anyone else, guests included, gets `refusal`. */
  roles: readonly StaffRole[];
  /** Unless told: 401 `sign-in-required` for guests, 403 `forbidden` (or `roleRefusal`) for another role. */
  refusal?: Refusal;
  /** For a signed-in member of another role only; guests still get 401 `sign-in-required`. */
  roleRefusal?: Refusal;
  /** API-key accounts are refused like another role, before their use is audited (keys may not manage keys). */
  refuseKeys?: boolean;
}

/** 403 `<roles>-only` (`admin-only`, `admin-or-manager-only`): the reason the admin screens' routes give. */
export function onlyRoles(...roles: StaffRole[]): Refusal {
  return { status: 403, reason: `${roles.join('-or-')}-only`, message: 'Not allowed for your role.' };
}

/** The admin forms' refusal of a body: 400 `invalid-input`, each field with its issue's own code, `form` for the whole. */
export const INVALID_INPUT: InvalidBody = { reason: 'invalid-input', message: 'Some fields are invalid.', fieldErrors: { root: 'form', issueCodes: true } };

export interface WorkerRouteSpec<S extends Schema> extends BodySpec<S> {
  /** 403 `superuser-only` unless told. */
  refusal?: Refusal;
}

export const EVERY_ROLE: readonly StaffRole[] = STAFF_ROLES;

type Parsed<S extends Schema> = { ok: true; body: z.output<S> } | { ok: false };

/**
 * The one JSON-body policy. An empty body (or `null`) reads as `{}`: clients with nothing to say send none (the
 * PWA's mark-read, the worker's claim-read-receipts). Anything else that is not JSON is a 400 `invalid-json`,
 * never silently `{}`. A GET has no body to read.
 */
export function readJsonBody(e: core.RequestEvent): { ok: true; value: unknown } | { ok: false } {
  if (e.request!.method === 'GET') return { ok: true, value: {} };
  const raw = toString(e.request!.body);
  if (raw.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw) ?? {} };
  } catch {
    respondError(e, 400, 'invalid-json', 'The body is not valid JSON.', { body: { code: 'invalid-json', message: 'The body is not valid JSON.' } });
    return { ok: false };
  }
}

function parseBody<S extends Schema>(e: core.RequestEvent, spec: BodySpec<S>): Parsed<S> {
  const read = readJsonBody(e);
  if (!read.ok) return read;
  const parsed = z.safeParse(spec.body ?? anyBody, read.value);
  if (parsed.success) return { ok: true, body: parsed.data as z.output<S> };
  const invalid = spec.invalid ?? INVALID_BODY;
  respondError(e, 400, invalid.reason, invalid.message, fieldErrorsOf(parsed.error.issues, invalid.fieldErrors));
  return { ok: false };
}

function refuse(e: core.RequestEvent, refusal: Refusal): void {
  respondError(e, refusal.status, refusal.reason, refusal.message);
}

/** Answers `refusal` unless a superuser calls; true when the route may go on. */
export function requireSuperuser(e: core.RequestEvent, refusal: Refusal = SUPERUSER_ONLY): boolean {
  if (e.hasSuperuserAuth()) return true;
  refuse(e, refusal);
  return false;
}

/** A route for signed-in staff: role checked first, then the body, then `handle` runs. */
export function staffRoute<S extends Schema = typeof anyBody>(
  spec: StaffRouteSpec<S>,
  handle: (e: core.RequestEvent, request: { staff: SignedInStaff; body: z.output<S> }) => void,
): (e: core.RequestEvent) => void {
  return (e) => {
    const key = spec.refuseKeys === true && e.auth?.getBool('api_key') === true;
    const staff = key ? null : signedInStaff(e);
    if (!staff || !spec.roles.includes(staff.role)) {
      refuse(e, spec.refusal ?? (staff || key ? (spec.roleRefusal ?? ROLE_NOT_ALLOWED) : SIGN_IN_REQUIRED));
      return;
    }
    const parsed = parseBody(e, spec);
    if (parsed.ok) handle(e, { staff, body: parsed.body });
  };
}

/** A route for the worker (superusers): checked first, then the body, then `handle` runs. */
export function workerRoute<S extends Schema = typeof anyBody>(
  spec: WorkerRouteSpec<S>,
  handle: (e: core.RequestEvent, body: z.output<S>) => void,
): (e: core.RequestEvent) => void {
  return (e) => {
    if (!requireSuperuser(e, spec.refusal)) return;
    const parsed = parseBody(e, spec);
    if (parsed.ok) handle(e, parsed.body);
  };
}

/** A record by the path's `{id}`, or a 404 answer and null. */
export function recordOfPath(e: core.RequestEvent, collection: string, what: string): core.Record | null {
  const record = currentApp().findRecordsByFilter(collection, 'id = {:id}', '', 1, 0, { id: e.request!.pathValue('id') } as dbx.Params)[0];
  if (!record) respondError(e, 404, 'not-found', `No such ${what}.`);
  return record ?? null;
}

/** How many rows a worker may claim at once: what it asks for within 1–200, else 20. */
export function claimLimit(requested: unknown): number {
  const limit = Number(requested ?? 20);
  return Number.isInteger(limit) && limit > 0 && limit <= 200 ? limit : 20;
}

/** A lenient field: a worker's optional number or string that the route clamps or defaults itself. */
export const loose = z.optional(z.unknown());
