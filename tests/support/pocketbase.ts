// Starts a real PocketBase (the project's own binary, hooks and migrations) on a temp data dir and a free port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pocketBaseBinary, projectRoot } from '../../scripts/pocketbase-paths.mjs';

export const TEST_APP_SECRET = 'test_app_secret';
export const TEST_VERIFY_TOKEN = 'test_verify_token';
/** Seals channel tokens in every test PocketBase and worker (32 characters, as POCKETDESK_SECRET_KEY must be). */
export const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdef';
export const SUPERUSER = { email: 'root@pocketdesk.test', password: 'root-password-123' };

export interface RunningPocketBase {
  url: string;
  pid: number;
  dataDir: string;
  superuserToken: string;
  logs: () => string;
  /** SIGKILL, data dir kept: what a power cut or an OOM kill leaves behind. */
  crash: () => Promise<void>;
  /** SIGTERM, data dir kept: for a tool that writes the database while PocketBase is stopped, then a restart. */
  halt: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PocketBase exited with ${child.exitCode}:\n${logs()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`PocketBase did not become healthy:\n${logs()}`);
}

/** Starts PocketBase on a fresh temp data dir, or on `reuseDataDir` (left by `crash()`) to test what survives. */
export async function startPocketBase(env: Record<string, string> = {}, reuseDataDir?: string): Promise<RunningPocketBase> {
  const dataDir = reuseDataDir ?? mkdtempSync(join(tmpdir(), 'pocketdesk-it-'));
  const binary = pocketBaseBinary();
  const dirs = [`--dir=${dataDir}`, `--migrationsDir=${join(projectRoot, 'pb_migrations')}`, `--hooksDir=${join(projectRoot, 'pb_hooks')}`];
  const keyEnv = { ...process.env, POCKETDESK_SECRET_KEY: TEST_SECRET_KEY, ...env };
  const upsert = spawnSync(binary, ['superuser', 'upsert', SUPERUSER.email, SUPERUSER.password, ...dirs], { encoding: 'utf8', env: keyEnv });
  if (upsert.status !== 0) throw new Error(`superuser upsert failed: ${upsert.stderr}${upsert.stdout}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(binary, ['serve', `--http=127.0.0.1:${port}`, ...dirs, '--hooksWatch=false', '--automigrate=false', '--hooksPool=40'], {
    env: { ...keyEnv, WHATSAPP_APP_SECRET: TEST_APP_SECRET, WHATSAPP_VERIFY_TOKEN: TEST_VERIFY_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const logs = () => output;
  // A child killed by a signal keeps exitCode null: both must be checked.
  const running = () => child.exitCode === null && child.signalCode === null;
  await waitUntilHealthy(url, child, logs);
  const auth = await fetch(`${url}/api/collections/_superusers/auth-with-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: SUPERUSER.email, password: SUPERUSER.password }),
  });
  const { token } = (await auth.json()) as { token: string };
  return {
    url,
    pid: child.pid!,
    dataDir,
    superuserToken: token,
    logs,
    crash: async () => {
      if (!running()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    halt: async () => {
      if (!running()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    stop: async () => {
      if (running()) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
