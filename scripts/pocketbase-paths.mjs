// Where the project keeps its PocketBase binary and generated files; shared by every script.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const installDir = join(projectRoot, '.pocketbase');
export const typesFile = join(installDir, 'types.d.ts');

/** The version pinned in package.json's "pocketbase" section. */
export function pinnedPocketBase() {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  return pkg.pocketbase;
}

/** POCKETBASE_BIN when set, else the project-local install. */
export function pocketBaseBinary() {
  return process.env.POCKETBASE_BIN || join(installDir, process.platform === 'win32' ? 'pocketbase.exe' : 'pocketbase');
}
