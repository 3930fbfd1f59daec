// Times the intent classifier in PocketBase's JS VM (goja): classifier-vm-entry.ts, bundled like the hooks.
import { existsSync } from 'node:fs';
import { pocketBaseBinary } from '../pocketbase-paths.mjs';
import { runInPocketBaseVm } from './pocketbase-vm';

export interface VmFigures {
  loadMs: number;
  micros: number[];
  intents: string[];
  loopNs: number;
}

/** Runs the measurement in a throwaway PocketBase; null when the binary is missing. */
export async function measureClassifierInVm(modelJson: string, texts: string[], repeats: number): Promise<VmFigures | null> {
  if (!existsSync(pocketBaseBinary())) return null;
  return runInPocketBaseVm<VmFigures>({
    name: 'classifier-vm',
    entry: 'classifier-vm-entry.ts',
    files: { 'model.json': modelJson, 'texts.json': JSON.stringify(texts) },
    script: `done(entry().measureInVm(read('model.json'), JSON.parse(read('texts.json')), ${repeats}));`,
    timeoutMs: 600_000,
  });
}
