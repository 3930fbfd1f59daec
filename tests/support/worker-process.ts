// The real delivery worker (build/worker.mjs) as a child process, signed in as the test superuser.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { SUPERUSER, TEST_SECRET_KEY } from './pocketbase';

export interface WorkerProcess {
  child: ChildProcess;
  logs(): string;
  /** Stops it (SIGTERM lets it finish in-flight work; SIGKILL simulates a crash) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the worker against a PocketBase URL; `env` adds or overrides settings (Graph URL, VAPID keys, leases…). */
export function spawnWorker(pocketBaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  let output = '';
  const child = spawn(process.execPath, [join(projectRoot, 'build', 'worker.mjs')], {
    env: {
      ...process.env,
      POCKETDESK_URL: pocketBaseUrl,
      POCKETDESK_WORKER_EMAIL: SUPERUSER.email,
      POCKETDESK_WORKER_PASSWORD: SUPERUSER.password,
      // Tests that queue no WhatsApp message never reach this; the delivery tests point it at the simulator.
      WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9',
      WHATSAPP_ACCESS_TOKEN: 'unused',
      POCKETDESK_SECRET_KEY: TEST_SECRET_KEY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return {
    child,
    logs: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}
