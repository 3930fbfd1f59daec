// Builds the hooks and the PWA, starts a real PocketBase serving the build, and seeds a small workspace.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { assignedConversation } from './customers';
import { writeEnv } from './e2e-env';

declare global {
  var __pocketdeskE2e: RunningPocketBase | undefined;
}

function build(): void {
  if (process.env.POCKETDESK_SKIP_BUILD === '1') return;
  const run = (script: string, args: string[] = []) => execFileSync(process.execPath, [join(projectRoot, script), ...args], { cwd: projectRoot, stdio: 'inherit' });
  run('scripts/build-hooks.mjs');
  run('node_modules/vite/bin/vite.js', ['build', '--logLevel', 'warn']);
}

export default async function globalSetup(): Promise<void> {
  build();
  const pb = await startPocketBase();
  globalThis.__pocketdeskE2e = pb;
  const api = new Api(pb.url, pb.superuserToken);
  const teamId = await createTeam(api, 'Field support');
  await createChannel(api, { default_team: teamId });
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
