// The cost of the FAQ bot's matching by meaning where it runs: inside PocketBase's JS VM, in the transaction that
// applies a customer's message: faq-vm-entry.ts (bundled like the hooks), for the labelled set's 7 entries and for 40 entries of 4 examples.
import { existsSync } from 'node:fs';
import { matchFaqEntry } from '../../src/lib/domain/faq/faq-matching';
import { LABELLED_ENTRIES, LABELLED_QUESTIONS } from '../../src/lib/domain/faq/meaning-labelled-set';
import { faqSettingsSchema, type FaqSettingsInput } from '../../src/lib/schemas/faq';
import { pocketBaseBinary } from '../pocketbase-paths.mjs';
import { runInPocketBaseVm } from './pocketbase-vm';

interface FaqVmFigures {
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

function runInVm(settings: FaqSettingsInput, texts: string[], repeats: number): Promise<FaqVmFigures> {
  return runInPocketBaseVm<FaqVmFigures>({
    name: 'faq-vm',
    entry: 'faq-vm-entry.ts',
    files: { 'settings.json': JSON.stringify(settings), 'texts.json': JSON.stringify(texts) },
    script: `done(entry().measureFaqInVm(read('settings.json'), JSON.parse(read('texts.json')), ${repeats}));`,
    timeoutMs: 600_000,
  });
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
