#!/usr/bin/env node
// Installs the PocketBase version pinned in package.json into .pocketbase/ (git-ignored).
// Order: POCKETBASE_BIN → already installed → build with Go → official release download.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { installDir, pinnedPocketBase, pocketBaseBinary, projectRoot, typesFile } from './pocketbase-paths.mjs';

const { version, goToolchain } = pinnedPocketBase();
const tried = [];

function log(line) {
  process.stdout.write(`[pocketbase] ${line}\n`);
}

function reportedVersion(binary) {
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) return null;
  return run.stdout.trim().split(/\s+/).pop() ?? null;
}

/** The binary writes types.d.ts into any data dir it opens; keep a copy for the hooks' typecheck. */
function generateTypes(binary) {
  const scratch = mkdtempSync(join(tmpdir(), 'pocketdesk-types-'));
  try {
    const emptyMigrations = join(scratch, 'migrations');
    mkdirSync(emptyMigrations);
    execFileSync(binary, ['migrate', 'up', `--dir=${join(scratch, 'data')}`, `--migrationsDir=${emptyMigrations}`, `--hooksDir=${join(scratch, 'hooks')}`], {
      stdio: 'ignore',
    });
    copyFileSync(join(scratch, 'data', 'types.d.ts'), typesFile);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function hasGo() {
  return spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
}

function goInstall(pkg, env, cwd = projectRoot) {
  const gobin = join(installDir, 'gobin');
  const run = spawnSync('go', ['install', '-trimpath', '-ldflags', `-s -w -X github.com/pocketbase/pocketbase.Version=${version}`, pkg], {
    cwd,
    env: { ...process.env, GOBIN: gobin, CGO_ENABLED: '0', ...env },
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`, gobin };
}

/** Builds the official distribution (examples/base); retries with the pinned toolchain when the release needs a newer Go. */
function buildWithGo() {
  const pkg = `github.com/pocketbase/pocketbase/examples/base@v${version}`;
  log(`building ${pkg} with Go (about a minute)…`);
  let result = goInstall(pkg, {});
  if (!result.ok && /requires go >=/.test(result.output)) {
    log(`this release needs a newer Go; retrying with GOTOOLCHAIN=${goToolchain}`);
    result = goInstall(pkg, { GOTOOLCHAIN: goToolchain });
  }
  if (result.ok) return join(result.gobin, 'base');
  tried.push(`go install ${pkg}: ${lastLines(result.output)}`);

  // The proxy may lack one of examples/base's exact dependency versions: build our equivalent module instead.
  log('go install failed; building the project-local equivalent module scripts/pocketbase-go');
  const moduleDir = join(projectRoot, 'scripts', 'pocketbase-go');
  const work = mkdtempSync(join(tmpdir(), 'pocketdesk-pbgo-'));
  try {
    copyFileSync(join(moduleDir, 'main.go'), join(work, 'main.go'));
    writeFileSync(join(work, 'go.mod'), `module pocketdesk/pocketbase\n\ngo 1.25\n\nrequire github.com/pocketbase/pocketbase v${version}\n`);
    const env = { GOTOOLCHAIN: goToolchain, GOFLAGS: '-mod=mod' };
    const tidy = spawnSync('go', ['mod', 'tidy'], { cwd: work, env: { ...process.env, ...env }, encoding: 'utf8' });
    if (tidy.status !== 0) {
      tried.push(`go mod tidy (local module): ${lastLines(tidy.stderr)}`);
      return null;
    }
    const local = goInstall('.', env, work);
    if (local.ok) return join(local.gobin, 'pocketbase');
    tried.push(`go install (local module): ${lastLines(local.output)}`);
    return null;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function lastLines(text, n = 3) {
  return text.trim().split('\n').slice(-n).join(' | ');
}

function releaseAsset() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[process.platform];
  const arch = { x64: 'amd64', arm64: 'arm64', arm: 'armv7', ppc64: 'ppc64le', s390x: 's390x' }[process.arch];
  if (!os || !arch) return null;
  return `pocketbase_${version}_${os}_${arch}.zip`;
}

/** Reads one file out of a zip archive (the release archives use stored or deflated entries). */
function unzipEntry(zip, wanted) {
  const endOfCentral = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfCentral < 0) throw new Error('not a zip archive');
  let offset = zip.readUInt32LE(endOfCentral + 16);
  const entries = zip.readUInt16LE(endOfCentral + 10);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    if (name === wanted) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? data : inflateRawSync(data);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${wanted} not found in the archive`);
}

async function download() {
  const asset = releaseAsset();
  if (!asset) {
    tried.push(`download: no official release for ${process.platform}/${process.arch}`);
    return null;
  }
  // A mirror for machines that cannot reach GitHub; it must hold the same files (the checksum list included).
  const releases = (process.env.POCKETBASE_RELEASE_URL || 'https://github.com/pocketbase/pocketbase/releases/download').replace(/\/+$/, '');
  const base = `${releases}/v${version}`;
  log(`downloading ${asset} from the official release…`);
  try {
    const [archive, sums] = await Promise.all([fetchBytes(`${base}/${asset}`), fetchBytes(`${base}/checksums.txt`)]);
    const expected = sums
      .toString('utf8')
      .split('\n')
      .find((line) => line.trim().endsWith(asset))
      ?.split(/\s+/)[0];
    const actual = createHash('sha256').update(archive).digest('hex');
    if (!expected || expected !== actual) {
      tried.push(`download: checksum mismatch for ${asset} (expected ${expected ?? 'none'}, got ${actual})`);
      return null;
    }
    const binaryName = process.platform === 'win32' ? 'pocketbase.exe' : 'pocketbase';
    const target = join(installDir, `download-${binaryName}`);
    writeFileSync(target, unzipEntry(archive, binaryName));
    chmodSync(target, 0o755);
    return target;
  } catch (error) {
    tried.push(`download ${base}/${asset}: ${error.message}`);
    return null;
  }
}

async function fetchBytes(url) {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

function fail() {
  process.stderr.write(
    `\n[pocketbase] Could not install PocketBase v${version}. Tried:\n${tried.map((t) => `  - ${t}`).join('\n')}\n` +
      `Fix: install Go (https://go.dev/dl/) and run "npm install" again, or set POCKETBASE_BIN to a PocketBase v${version} binary.\n\n`,
  );
  process.exit(1);
}

async function main() {
  mkdirSync(installDir, { recursive: true });
  const external = process.env.POCKETBASE_BIN;
  if (external) {
    if (!existsSync(external)) {
      tried.push(`POCKETBASE_BIN=${external}: no such file`);
      fail();
    }
    log(`using POCKETBASE_BIN=${external} (reports v${reportedVersion(external) ?? '?'})`);
    generateTypes(external);
    return;
  }
  const target = pocketBaseBinary();
  if (existsSync(target) && reportedVersion(target) === version) {
    if (!existsSync(typesFile)) generateTypes(target);
    log(`v${version} already installed at ${target}`);
    return;
  }
  let built = hasGo() ? buildWithGo() : (tried.push('go: not on PATH'), null);
  built ??= await download();
  if (!built) fail();
  renameSync(built, target);
  if (reportedVersion(target) !== version) {
    tried.push(`the installed binary reports v${reportedVersion(target)}, expected v${version}`);
    fail();
  }
  generateTypes(target);
  log(`installed v${version} at ${target}`);
}

await main();
