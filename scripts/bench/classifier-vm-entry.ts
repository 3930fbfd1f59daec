// Runs inside PocketBase's JS VM (bundled by classifier-vm.ts): loads a stored model and times predictIntent one
// message at a time, as a routing decision would call it. Date.now() has millisecond resolution there, so each
// message is predicted `repeats` times and timed as a whole.
import { predictIntent } from '../../src/lib/domain/intents/intent-classifier';
import { loadIntentModel } from '../../src/lib/domain/intents/model-serialization';

/** Figures from the VM: load time, per-message microseconds, the predicted intents, and an empty-loop calibration. */
export function measureInVm(modelText: string, texts: string[], repeats: number): string {
  const loadStarted = Date.now();
  const loaded = loadIntentModel(JSON.parse(modelText));
  const loadMs = Date.now() - loadStarted;
  if (!loaded.ok) return JSON.stringify({ error: loaded.reason });
  for (const text of texts.slice(0, 100)) predictIntent(loaded.model, text);
  const micros: number[] = [];
  const intents: string[] = [];
  for (const text of texts) {
    const started = Date.now();
    for (let r = 1; r < repeats; r++) predictIntent(loaded.model, text);
    intents.push(predictIntent(loaded.model, text).intent);
    micros.push(((Date.now() - started) * 1000) / repeats);
  }
  // How fast this VM runs right now (a busy machine slows it): nanoseconds per iteration of an empty loop.
  const loopStarted = Date.now();
  let sum = 0;
  for (let i = 0; i < 1_000_000; i++) sum += i;
  const loopNs = Date.now() - loopStarted + (sum < 0 ? 1 : 0);
  return JSON.stringify({ loadMs, micros, intents, loopNs });
}
