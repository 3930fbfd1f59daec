// Runs the product's processes as children: hands their output, line by line, to `output` (the start script's
// StartOutput: the log, and the console for problems), restarts a crashed helper with backoff, reports every crash,
// and stops them all cleanly on Ctrl-C.
import { spawn } from 'node:child_process';

const consoleOutput = {
  child: (name, stream, line) => (stream === 'stderr' ? process.stderr : process.stdout).write(`${name.padEnd(10)}| ${line}\n`),
  problem: (line) => process.stderr.write(`${line}\n`),
};

export class Supervisor {
  #children = new Map();
  #stopping = false;
  #onFatal;
  #output;

  /** `output` has `child(name, stream, line)` and `problem(line)`; unless given, lines go to the console prefixed. */
  constructor({ onFatal, output = consoleOutput }) {
    this.#onFatal = onFatal;
    this.#output = output;
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
    const forward = (stream, name) => {
      let partial = '';
      stream.on('data', (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        for (const line of lines) this.#output.child(entry.name, name, line);
      });
    };
    forward(child.stdout, 'stdout');
    forward(child.stderr, 'stderr');
    child.on('exit', (code, signal) => {
      if (this.#stopping) return;
      this.#output.problem(`${entry.name.padEnd(10)}| exited (${signal ?? `code ${code}`})`);
      if (entry.critical) {
        this.#onFatal(`${entry.name} stopped unexpectedly`);
        return;
      }
      // A child that ran for a while gets a fresh backoff; one that keeps crashing waits longer each time.
      if (Date.now() - entry.startedAt > 60_000) entry.restarts = 0;
      entry.restarts += 1;
      const delay = Math.min(30_000, 500 * 2 ** entry.restarts);
      this.#output.problem(`${entry.name.padEnd(10)}| restarting in ${Math.round(delay / 1000)} s (restart #${entry.restarts})`);
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
