// Times the intent classifier in PocketBase's JS VM (goja): bundles classifier-vm-entry.ts like the hooks are
// bundled, starts PocketBase on a temp dir with an onBootstrap hook that runs it, and reads its figures back.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { pocketBaseBinary, projectRoot } from '../pocketbase-paths.mjs';
import { freePort } from '../../tests/support/pocketbase';

export interface VmFigures {
  loadMs: number;
  micros: number[];
  intents: string[];
  loopNs: number;
}

/** Runs the measurement in a throwaway PocketBase; null when the binary is missing. */
export async function measureClassifierInVm(modelJson: string, texts: string[], repeats: number): Promise<VmFigures | null> {
  if (!existsSync(pocketBaseBinary())) return null;
  const dir = mkdtempSync(join(tmpdir(), 'pocketdesk-classifier-vm-'));
  const hooks = join(dir, 'hooks');
  mkdirSync(hooks);
  try {
    await build({
      entryPoints: [join(projectRoot, 'scripts', 'bench', 'classifier-vm-entry.ts')],
      outfile: join(hooks, 'classifier.js'),
      bundle: true,
      format: 'cjs',
      target: 'es2022',
      platform: 'neutral',
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'model.json'), modelJson);
    writeFileSync(join(dir, 'texts.json'), JSON.stringify(texts));
    writeFileSync(
      join(hooks, 'bench.pb.js'),
      `onBootstrap((e) => {
  e.next();
  const model = toString($os.readFile(__hooks + '/../model.json'));
  const texts = JSON.parse(toString($os.readFile(__hooks + '/../texts.json')));
  $os.writeFile(__hooks + '/../result.tmp', require(__hooks + '/classifier.js').measureInVm(model, texts, ${repeats}), 0o644);
  $os.rename(__hooks + '/../result.tmp', __hooks + '/../result.json');
});\n`,
    );
    const port = await freePort();
    const args = [
      'serve',
      `--dir=${join(dir, 'data')}`,
      `--hooksDir=${hooks}`,
      `--migrationsDir=${join(dir, 'migrations')}`,
      `--publicDir=${join(dir, 'public')}`,
      `--http=127.0.0.1:${port}`,
      '--dev=false',
      '--hooksWatch=false',
    ];
    const server = spawn(pocketBaseBinary(), args, { stdio: 'ignore' });
    const resultFile = join(dir, 'result.json');
    try {
      for (let waited = 0; !existsSync(resultFile) && waited < 600_000; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      server.kill();
    }
    if (!existsSync(resultFile)) throw new Error('the VM measurement did not finish in 10 minutes');
    return JSON.parse(readFileSync(resultFile, 'utf8')) as VmFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
