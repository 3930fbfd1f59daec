// What `npm start` and `npm run serve` print: the lines a person needs (URLs, logins, the printed-once superuser)
// and problems, each problem pointing once to the log file that holds everything else — build output, the
// processes' own chatter, and the lines around a problem. POCKETDESK_VERBOSE=1 prints everything, as before.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Words that mark a line as a problem whichever stream it came on (the worker reports failed runs on stdout).
const PROBLEM = /\b(error|errors|failed|failure|fatal|panic|exception|refused|unable|cannot|crash(ed)?)\b/i;

/** Whether a child's output line is a problem a person must see: anything on stderr, or a line that says so. */
export function isProblemLine(stream, line) {
  if (line.trim() === '') return false;
  return stream === 'stderr' || PROBLEM.test(line);
}

export class StartOutput {
  #logFile;
  #verbose;
  #out;
  #err;
  #pointed = false;

  /**
   * `out`/`err` write to the console (the process's stdout and stderr unless a test passes its own).
   * @param {{ logFile: string, verbose?: boolean, out?: (text: string) => void, err?: (text: string) => void }} options
   */
  constructor({ logFile, verbose = false, out = (text) => void process.stdout.write(text), err = (text) => void process.stderr.write(text) }) {
    this.#logFile = logFile;
    this.#verbose = verbose;
    this.#out = out;
    this.#err = err;
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, `--- started ${new Date().toISOString()}\n`, { mode: 0o600 });
  }

  get logFile() {
    return this.#logFile;
  }

  get verbose() {
    return this.#verbose;
  }

  /** Into the log only (on the console too when verbose). */
  log(text) {
    appendFileSync(this.#logFile, text.endsWith('\n') ? text : `${text}\n`);
    if (this.#verbose) this.#out(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A line for the person at the console (and the log). */
  say(line = '') {
    appendFileSync(this.#logFile, `${line}\n`);
    this.#out(`${line}\n`);
  }

  /** A problem: on stderr, and the first one tells where the whole log is. */
  problem(line) {
    appendFileSync(this.#logFile, `${line}\n`);
    this.#err(`${line}\n`);
    if (!this.#pointed && !this.#verbose) {
      this.#pointed = true;
      this.#err(`  (everything else is in ${this.#logFile})\n`);
    }
  }

  /** One line of a child process's output, prefixed with its name: logged, and shown when it is a problem. */
  child(name, stream, line) {
    const prefixed = `${name.padEnd(10)}| ${line}`;
    if (this.#verbose) {
      appendFileSync(this.#logFile, `${prefixed}\n`);
      (stream === 'stderr' ? this.#err : this.#out)(`${prefixed}\n`);
    } else if (isProblemLine(stream, line)) this.problem(prefixed);
    else appendFileSync(this.#logFile, `${prefixed}\n`);
  }
}
