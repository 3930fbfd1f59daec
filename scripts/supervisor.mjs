// Runs the product's processes as children: prefixes their output, restarts a crashed helper with backoff,
// reports every crash, and stops them all cleanly on Ctrl-C.
import { spawn } from 'node:child_process';

export class Supervisor {
  #children = new Map();
  #stopping = false;
  #onFatal;

  constructor({ onFatal }) {
    this.#onFatal = onFatal;
  }

  /** Starts a child; `critical` children end the whole product when they die, others are restarted. */
  start(name, command, args, { env = {}, critical = false } = {}) {
    const entry = { name, command, args, env, critical, restarts: 0, child: null };
    this.#children.set(name, entry);
    this.#spawn(entry);
    return entry;
  }

  #spawn(entry) {
    const child = spawn(entry.command, entry.args, { env: { ...process.env, ...entry.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    entry.child = child;
    entry.startedAt = Date.now();
    const prefix = (stream, target) => {
      let partial = '';
      stream.on('data', (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        for (const line of lines) target.write(`${entry.name.padEnd(10)}| ${line}\n`);
      });
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on('exit', (code, signal) => {
      if (this.#stopping) return;
      process.stderr.write(`${entry.name.padEnd(10)}| exited (${signal ?? `code ${code}`})\n`);
      if (entry.critical) {
        this.#onFatal(`${entry.name} stopped unexpectedly`);
        return;
      }
      // A child that ran for a while gets a fresh backoff; one that keeps crashing waits longer each time.
      if (Date.now() - entry.startedAt > 60_000) entry.restarts = 0;
      entry.restarts += 1;
      const delay = Math.min(30_000, 500 * 2 ** entry.restarts);
      process.stderr.write(`${entry.name.padEnd(10)}| restarting in ${Math.round(delay / 1000)} s (restart #${entry.restarts})\n`);
      setTimeout(() => !this.#stopping && this.#spawn(entry), delay).unref();
    });
  }

  /** Sends SIGTERM to every child and waits (up to 10 s, then SIGKILL). */
  async stopAll() {
    this.#stopping = true;
    const exits = [...this.#children.values()].reverse().map(({ child }) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    });
    await Promise.all(exits);
  }
}
