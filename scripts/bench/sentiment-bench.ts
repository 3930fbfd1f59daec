// The message-signals reader on the hand-labelled sets in tests/fixtures/sentiment (see its README): accuracy and
// per-class precision/recall per language, and urgency precision/recall. Even rows (0, 2, …) are the half the
// lexicon may be tuned on; odd rows are held out and never looked at while tuning, so both halves are reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readMessageSignals, type Sentiment } from '../../src/lib/domain/signals/message-signals';
import { projectRoot } from '../pocketbase-paths.mjs';

interface Labelled {
  text: string;
  sentiment: Sentiment;
  urgent: boolean;
}

/** RFC 4180-style rows: quoted fields may hold commas, `""` is a quote. */
function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) (row.push(field), rows.push(row));
  return rows;
}

export function readLabelled(language: string): Labelled[] {
  const [header, ...rows] = parseCsv(readFileSync(join(projectRoot, 'tests', 'fixtures', 'sentiment', `${language}.csv`), 'utf8'));
  if (header?.join(',') !== 'text,sentiment,urgent') throw new Error(`${language}.csv: unexpected header`);
  return rows.map(([text, sentiment, urgent]) => ({ text: text!, sentiment: sentiment as Sentiment, urgent: urgent === 'yes' }));
}

interface Figures {
  messages: number;
  accuracy: number;
  perClass: Record<Sentiment, { precision: number; recall: number }>;
  urgency: { precision: number; recall: number; accuracy: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

function figuresOf(rows: Labelled[]): Figures & { misses: string[] } {
  const predicted = rows.map((row) => readMessageSignals(row.text));
  const perClass = {} as Figures['perClass'];
  for (const label of ['negative', 'neutral', 'positive'] as const) {
    const truePositive = rows.filter((row, i) => row.sentiment === label && predicted[i]!.sentiment === label).length;
    perClass[label] = {
      precision: ratio(truePositive, predicted.filter((p) => p.sentiment === label).length),
      recall: ratio(truePositive, rows.filter((row) => row.sentiment === label).length),
    };
  }
  const urgentHits = rows.filter((row, i) => row.urgent && predicted[i]!.urgent).length;
  return {
    messages: rows.length,
    accuracy: ratio(rows.filter((row, i) => row.sentiment === predicted[i]!.sentiment).length, rows.length),
    perClass,
    urgency: {
      precision: ratio(urgentHits, predicted.filter((p) => p.urgent).length),
      recall: ratio(urgentHits, rows.filter((row) => row.urgent).length),
      accuracy: ratio(rows.filter((row, i) => row.urgent === predicted[i]!.urgent).length, rows.length),
    },
    misses: rows.flatMap((row, i) =>
      row.sentiment === predicted[i]!.sentiment && row.urgent === predicted[i]!.urgent
        ? []
        : [`${row.sentiment}${row.urgent ? '+urgent' : ''} read as ${predicted[i]!.sentiment}${predicted[i]!.urgent ? '+urgent' : ''}: ${row.text}`],
    ),
  };
}

export interface SentimentBench {
  languages: Record<string, { all: Figures; tuning: Figures; heldOut: Figures }>;
  microsPerMessage: number;
}

export function benchSentiment(showMisses: boolean): SentimentBench {
  const languages: SentimentBench['languages'] = {};
  let texts: string[] = [];
  for (const language of ['en', 'es']) {
    const rows = readLabelled(language);
    texts = texts.concat(rows.map((row) => row.text));
    const { misses: _a, ...all } = figuresOf(rows);
    const { misses, ...tuning } = figuresOf(rows.filter((_, i) => i % 2 === 0));
    const { misses: _h, ...heldOut } = figuresOf(rows.filter((_, i) => i % 2 === 1));
    languages[language] = { all, tuning, heldOut };
    // Only the tuning half's misses are ever printed: the held-out half stays unseen.
    if (showMisses) for (const miss of misses) console.log(`  [${language}] ${miss}`);
  }
  const started = performance.now();
  const rounds = 20;
  for (let r = 0; r < rounds; r++) for (const text of texts) readMessageSignals(text);
  return { languages, microsPerMessage: Math.round(((performance.now() - started) * 1000) / (rounds * texts.length)) };
}
