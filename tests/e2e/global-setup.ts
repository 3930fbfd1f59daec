// Builds the hooks and the PWA, starts a real PocketBase serving the build, and seeds a small workspace.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import webpush from 'web-push';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { assignedConversation } from './customers';
import { writeEnv } from './e2e-env';
import { seedReferenceData } from './workspace';

declare global {
  var __pocketdeskE2e: RunningPocketBase | undefined;
}

function build(): void {
  if (process.env.POCKETDESK_SKIP_BUILD === '1') return;
  const run = (script: string, args: string[] = []) =>
    execFileSync(process.execPath, [join(projectRoot, script), ...args], { cwd: projectRoot, stdio: 'inherit' });
  run('scripts/build-hooks.mjs');
  run('node_modules/vite/bin/vite.js', ['build', '--logLevel', 'warn']);
}

/**
 * Every test signs in through the UI, all from 127.0.0.1: it may exceed the 300 sign-ins a minute the product allows
 * one address. Only the auth rule is raised; the others stay as shipped.
 */
async function allowFrequentSignIns(api: Api): Promise<void> {
  const settings = (await api.request('GET', '/api/settings')).body;
  const rules = settings.rateLimits.rules.map((rule: { label: string; maxRequests: number }) =>
    rule.label === '*:auth' ? { ...rule, maxRequests: 1000 } : rule,
  );
  const saved = await api.request('PATCH', '/api/settings', { rateLimits: { ...settings.rateLimits, rules } });
  if (saved.status !== 200) throw new Error(`settings: ${saved.status} ${JSON.stringify(saved.body)}`);
}

export default async function globalSetup(): Promise<void> {
  build();
  // A real VAPID key, so the PWA can subscribe (the push service itself is stubbed in the tests).
  const vapid = webpush.generateVAPIDKeys();
  const pb = await startPocketBase({ VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey });
  globalThis.__pocketdeskE2e = pb;
  const api = new Api(pb.url, pb.superuserToken);
  await allowFrequentSignIns(api);
  const teamId = await createTeam(api, 'Field support');
  // Agents of any team may escalate the shop's conversations to its main team (the escalation test does).
  await createChannel(api, { default_team: teamId, routing: { escalationTeams: [teamId] } });
  await seedReferenceData(api);
  // Room for every conversation the tests create: routing may assign new customers to her too.
  const agent = await createAgent(api, { name: 'Ana Field', teams: [teamId], status: 'online', max_open: 500 });
  const seeded = { customerName: 'Maria Lopez', text: 'The pump at site 4 is leaking again' };
  const conversationId = await assignedConversation(api, agent.id, seeded.customerName, seeded.text);
  writeEnv({
    url: pb.url,
    superuserToken: pb.superuserToken,
    teamId,
    agent: { ...agent, password: PASSWORD, name: 'Ana Field' },
    seeded: { ...seeded, conversationId },
  });
}
