import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createTeam, PASSWORD } from '../support/seed';

// Per-account sign-in protection and the per-IP budget behind a reverse proxy, against a real PocketBase started
// the way `npm run serve` starts it behind one (POCKETDESK_TRUSTED_PROXY=X-Forwarded-For).
let pb: RunningPocketBase;
let root: Api;
const agents: Record<string, { id: string; email: string }> = {};

/** A password sign-in from a client address (as the proxy would forward it). */
async function signIn(email: string, password: string, ip = '203.0.113.10') {
  const response = await fetch(`${pb.url}/api/collections/agents/auth-with-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ identity: email, password }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { token?: string; reason?: string; retryAfter?: number; message?: string },
    retryAfter: response.headers.get('retry-after'),
  };
}

async function failTimes(email: string, times: number, ip?: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(email, 'wrong-password-1', ip)).status);
  return statuses;
}

const attemptsOf = async (email: string) => root.list('sign_in_attempts', `identity = "agents:${email.toLowerCase()}"`);

beforeAll(async () => {
  pb = await startPocketBase({ POCKETDESK_TRUSTED_PROXY: 'X-Forwarded-For' });
  root = new Api(pb.url, pb.superuserToken);
  const team = await createTeam(root, 'Field');
  for (const name of ['Locked Out', 'Colleague', 'Resetter', 'Expiring', 'Proxy One', 'Proxy Two'])
    agents[name] = await createAgent(root, { name, teams: [team] });
});
afterAll(async () => pb?.stop());

describe('per-account lockout', () => {
  it('locks an account after five wrong passwords while a colleague at the same address still signs in', async () => {
    const email = agents['Locked Out'].email;
    expect(await failTimes(email, 5)).toEqual([400, 400, 400, 400, 400]);
    const locked = await signIn(email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.reason).toBe('sign-in-locked');
    expect(locked.body.retryAfter).toBeGreaterThan(14 * 60);
    expect(locked.body.retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(Number(locked.retryAfter)).toBe(locked.body.retryAfter);
    expect((await signIn(agents.Colleague.email, PASSWORD)).status).toBe(200);
  });

  it('keeps a locked account’s existing session working, refresh included', async () => {
    const email = agents.Expiring.email;
    const { body } = await signIn(email, PASSWORD);
    await failTimes(email, 5);
    expect((await signIn(email, PASSWORD)).status).toBe(429);
    const session = new Api(pb.url, body.token!);
    expect((await session.view('agents', agents.Expiring.id)).status).toBe(200);
    const refreshed = await session.request('POST', '/api/collections/agents/auth-refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token).toBeTruthy();
  });

  it('lets the owner sign in once the lock has expired, and forgets the failures then', async () => {
    const email = agents.Expiring.email;
    const [row] = await attemptsOf(email);
    // The lock's end moved into the past: what 15 minutes of waiting would leave in the table.
    expect((await root.update('sign_in_attempts', row.id, { locked_until: new Date(Date.now() - 1000).toISOString() })).status).toBe(200);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    expect(await attemptsOf(email)).toEqual([]);
  });

  it('resets the count on a successful sign-in', async () => {
    const email = agents.Resetter.email;
    expect(await failTimes(email, 4)).toEqual([400, 400, 400, 400]);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    expect(await failTimes(email, 4)).toEqual([400, 400, 400, 400]);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });

  it('answers an unknown e-mail exactly like a real one, lock included', async () => {
    const real = await failTimes(agents.Colleague.email.toUpperCase(), 5);
    const unknown = await failTimes('nobody@pocketdesk.test', 5);
    expect(unknown).toEqual(real);
    const [lockedReal, lockedUnknown] = [await signIn(agents.Colleague.email, PASSWORD), await signIn('nobody@pocketdesk.test', PASSWORD)];
    expect(lockedUnknown.status).toBe(lockedReal.status);
    expect(lockedUnknown.body.reason).toBe(lockedReal.body.reason);
    expect(lockedUnknown.body.message).toBe(lockedReal.body.message);
  });

  it('keeps the attempts away from agents', async () => {
    const session = new Api(pb.url, (await signIn(agents['Proxy One'].email, PASSWORD)).body.token!);
    expect((await session.request('GET', '/api/collections/sign_in_attempts/records')).status).toBe(403);
  });
});

describe('per-address budget behind a proxy', () => {
  it('ships a sign-in limit sized for an office behind one NAT', async () => {
    const settings = (await root.request('GET', '/api/settings')).body;
    expect(settings.rateLimits.rules.find((rule: { label: string }) => rule.label === '*:auth')).toMatchObject({ duration: 60, maxRequests: 300 });
    expect(settings.trustedProxy).toEqual({ headers: ['X-Forwarded-For'], useLeftmostIP: false });
  });

  it('gives each forwarded client address its own budget', async () => {
    // The shipped budget (300 a minute) lowered so the test can exhaust it.
    const settings = (await root.request('GET', '/api/settings')).body;
    const rules = settings.rateLimits.rules.map((rule: { label: string }) => (rule.label === '*:auth' ? { ...rule, maxRequests: 3 } : rule));
    expect((await root.request('PATCH', '/api/settings', { rateLimits: { ...settings.rateLimits, rules } })).status).toBe(200);
    const one = agents['Proxy One'].email;
    for (let i = 0; i < 3; i++) expect((await signIn(one, PASSWORD, '198.51.100.1')).status).toBe(200);
    expect((await signIn(one, PASSWORD, '198.51.100.1')).status).toBe(429);
    // A client-supplied address left of the proxy's own entry is not trusted.
    expect((await signIn(one, PASSWORD, '198.51.100.9, 198.51.100.1')).status).toBe(429);
    expect((await signIn(agents['Proxy Two'].email, PASSWORD, '198.51.100.2')).status).toBe(200);
  });
});
