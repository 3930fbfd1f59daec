// Runs inside PocketBase's JS VM (bundled by faq-bench.ts): times matchFaqEntry, the FAQ bot's matching as the
// inbound path calls it, on messages that no keyword answers (so matching by meaning runs every time). Date.now()
// has millisecond resolution there, so each message is matched `repeats` times and timed as a whole.
import { matchFaqEntry } from '../../src/lib/domain/faq/faq-matching';
import { createMeaningMemo } from '../../src/lib/domain/faq/faq-meaning';
import { faqSettingsSchema } from '../../src/lib/schemas/faq';

/** Per-message microseconds and the matched entry ids, with an empty-loop calibration of how busy the VM was. */
export function measureFaqInVm(settingsJson: string, texts: string[], repeats: number): string {
  const entries = faqSettingsSchema.parse(JSON.parse(settingsJson)).entries;
  // As the hooks do: one memo per VM, so the channel's examples are prepared once.
  const memo = createMeaningMemo();
  for (const text of texts) matchFaqEntry(text, entries, memo);
  const micros: number[] = [];
  const matched: Array<string | null> = [];
  for (const text of texts) {
    const started = Date.now();
    for (let r = 1; r < repeats; r++) matchFaqEntry(text, entries, memo);
    matched.push(matchFaqEntry(text, entries, memo)?.id ?? null);
    micros.push(((Date.now() - started) * 1000) / repeats);
  }
  const loopStarted = Date.now();
  let sum = 0;
  for (let i = 0; i < 1_000_000; i++) sum += i;
  const loopNs = Date.now() - loopStarted + (sum < 0 ? 1 : 0);
  return JSON.stringify({ micros, matched, loopNs });
}
