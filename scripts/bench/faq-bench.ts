// The cost of the FAQ bot's matching by meaning where it runs: inside PocketBase's JS VM, in the transaction that
// applies a customer's message. Starts PocketBase on a temp dir with an onBootstrap hook that runs
// faq-vm-entry.ts (bundled like the hooks), for the labelled set's 7 entries and for 40 entries of 4 examples.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { matchFaqEntry } from '../../src/lib/domain/faq/faq-matching';
import { LABELLED_ENTRIES, LABELLED_QUESTIONS } from '../../src/lib/domain/faq/meaning-labelled-set';
import { faqSettingsSchema, type FaqSettingsInput } from '../../src/lib/schemas/faq';
import { pocketBaseBinary, projectRoot } from '../pocketbase-paths.mjs';
import { freePort } from '../../tests/support/pocketbase';

interface VmRun {
  micros: number[];
  matched: Array<string | null>;
  loopNs: number;
}

/** One desk size's figures. */
export interface FaqBenchRow {
  entries: number;
  examples: number;
  messages: number;
  p50Micros: number;
  p99Micros: number;
  sameAsNode: boolean;
  emptyLoopNs: number;
}

function settingsOf(copies: number): FaqSettingsInput {
  const entries = Array.from({ length: copies }, (_, copy) =>
    LABELLED_ENTRIES.map((entry) => ({
      id: copy === 0 ? entry.id : `${entry.id}-${copy}`,
      // Copies get a distinct word each so that the vocabulary grows as a real desk's would.
      examples: entry.examples.map((example) => (copy === 0 ? example : `${example} topic${copy}`)),
      answer: { type: 'text' as const, text: 'An answer.' },
    })),
  ).flat();
  return { enabled: true, entries };
}

async function runInVm(settings: FaqSettingsInput, texts: string[], repeats: number): Promise<VmRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pocketdesk-faq-vm-'));
  const hooks = join(dir, 'hooks');
  mkdirSync(hooks);
  try {
    await build({
      entryPoints: [join(projectRoot, 'scripts', 'bench', 'faq-vm-entry.ts')],
      outfile: join(hooks, 'faq.js'),
      bundle: true,
      format: 'cjs',
      target: 'es2022',
      platform: 'neutral',
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings));
    writeFileSync(join(dir, 'texts.json'), JSON.stringify(texts));
    writeFileSync(
      join(hooks, 'bench.pb.js'),
      `onBootstrap((e) => {
  e.next();
  const settings = toString($os.readFile(__hooks + '/../settings.json'));
  const texts = JSON.parse(toString($os.readFile(__hooks + '/../texts.json')));
  $os.writeFile(__hooks + '/../result.tmp', require(__hooks + '/faq.js').measureFaqInVm(settings, texts, ${repeats}), 0o644);
  $os.rename(__hooks + '/../result.tmp', __hooks + '/../result.json');
});\n`,
    );
    const port = await freePort();
    const server = spawn(
      pocketBaseBinary(),
      [
        'serve',
        `--dir=${join(dir, 'data')}`,
        `--hooksDir=${hooks}`,
        `--migrationsDir=${join(dir, 'migrations')}`,
        `--publicDir=${join(dir, 'public')}`,
        `--http=127.0.0.1:${port}`,
        '--dev=false',
        '--hooksWatch=false',
      ],
      { stdio: 'ignore' },
    );
    const resultFile = join(dir, 'result.json');
    try {
      for (let waited = 0; !existsSync(resultFile) && waited < 600_000; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      server.kill();
    }
    if (!existsSync(resultFile)) throw new Error('the VM measurement did not finish in 10 minutes');
    return JSON.parse(readFileSync(resultFile, 'utf8')) as VmRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** Figures per desk size; null when the PocketBase binary is missing. */
export async function benchFaqMatching(): Promise<FaqBenchRow[] | null> {
  if (!existsSync(pocketBaseBinary())) return null;
  const texts = LABELLED_QUESTIONS.map(([text]) => text);
  const rows: FaqBenchRow[] = [];
  for (const copies of [1, 6]) {
    const settings = settingsOf(copies);
    const entries = faqSettingsSchema.parse(settings).entries;
    const vm = await runInVm(settings, texts, 5);
    const sorted = [...vm.micros].sort((a, b) => a - b);
    rows.push({
      entries: entries.length,
      examples: entries.reduce((n, entry) => n + entry.examples.length, 0),
      messages: texts.length,
      p50Micros: Math.round(percentile(sorted, 0.5)),
      p99Micros: Math.round(percentile(sorted, 0.99)),
      sameAsNode: texts.every((text, i) => (matchFaqEntry(text, entries)?.id ?? null) === vm.matched[i]),
      emptyLoopNs: vm.loopNs,
    });
  }
  return rows;
}
