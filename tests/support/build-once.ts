// Integration tests run the real hooks bundle: build it once before any test file starts PocketBase.
import { execFileSync } from 'node:child_process';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';

export default function setup(): void {
  if (process.env.POCKETDESK_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build-hooks.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: projectRoot, stdio: 'inherit' });
}
