// Runs a measurement inside PocketBase's JS VM (goja), where the hooks run: a throwaway PocketBase on a temp dir
// whose onBootstrap hook runs a script and writes its figures to a file this side reads back. The classifier, FAQ
// and memory benches time code there because the VM is many times slower than Node and has its own memory story.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { pocketBaseBinary, projectRoot } from '../pocketbase-paths.mjs';
import { freePort } from '../../tests/support/pocketbase';

export interface VmRun {
  /** A temp dir name prefix, to tell the runs apart. */
  name: string;
  /** Files written beside the hooks dir; the script reads them with `read('<name>')`. */
  files: Record<string, string>;
  /** A TypeScript entry under scripts/bench, bundled like the hooks; the script loads it with `entry()`. */
  entry?: string;
  /**
   * The onBootstrap body, run after PocketBase has booted: JS source that ends by calling `done(jsonText)`.
   * `read(name)` gives a file's text, `entry()` the bundled entry's exports.
   */
  script: string;
  timeoutMs: number;
}

/** The JSON the script passed to `done`; throws when it did not finish in time. */
export async function runInPocketBaseVm<T>(run: VmRun): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `pocketdesk-${run.name}-`));
  const hooks = join(dir, 'hooks');
  mkdirSync(hooks);
  try {
    if (run.entry)
      await build({
        entryPoints: [join(projectRoot, 'scripts', 'bench', run.entry)],
        outfile: join(hooks, 'entry.js'),
        bundle: true,
        format: 'cjs',
        target: 'es2022',
        platform: 'neutral',
        logLevel: 'warning',
      });
    for (const [name, text] of Object.entries(run.files)) writeFileSync(join(dir, name), text);
    // Written under another name and renamed, so this side never reads half a file.
    writeFileSync(
      join(hooks, 'bench.pb.js'),
      `onBootstrap((e) => {
  e.next();
  const read = (name) => toString($os.readFile(__hooks + '/../' + name));
  const entry = () => require(__hooks + '/entry.js');
  const done = (json) => {
    $os.writeFile(__hooks + '/../result.tmp', json, 0o644);
    $os.rename(__hooks + '/../result.tmp', __hooks + '/../result.json');
  };
${run.script}
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
      for (let waited = 0; !existsSync(resultFile) && waited < run.timeoutMs; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      server.kill();
    }
    if (!existsSync(resultFile)) throw new Error(`the ${run.name} measurement in PocketBase's VM did not finish in ${Math.round(run.timeoutMs / 1000)} s`);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
