// What global setup hands the tests: where PocketBase runs and what it was seeded with.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';

export interface E2eEnv {
  url: string;
  superuserToken: string;
  teamId: string;
  agent: { id: string; email: string; password: string; name: string };
  /** The conversation seeded before any test runs, assigned to the agent. */
  seeded: { conversationId: string; customerName: string; text: string };
}

export const ENV_FILE = join(projectRoot, '.tmp', 'e2e-env.json');

export function writeEnv(env: E2eEnv): void {
  mkdirSync(dirname(ENV_FILE), { recursive: true });
  writeFileSync(ENV_FILE, JSON.stringify(env, null, 2));
}

export function readEnv(): E2eEnv {
  return JSON.parse(readFileSync(ENV_FILE, 'utf8')) as E2eEnv;
}
