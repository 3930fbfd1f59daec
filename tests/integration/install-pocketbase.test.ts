// The install step on a machine without Go: it downloads the official release archive, checks it against the
// release's checksum list and installs the binary inside it. GitHub is not reachable from the test machines, so a
// local server plays the release mirror (POCKETBASE_RELEASE_URL); the archive holds the real PocketBase binary.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedPocketBase, pocketBaseBinary, projectRoot } from '../../scripts/pocketbase-paths.mjs';

const { version } = pinnedPocketBase();
const asset = `pocketbase_${version}_linux_${process.arch === 'arm64' ? 'arm64' : 'amd64'}.zip`;

/** A zip archive as PocketBase's releases ship it: a few deflated entries, the binary among them. */
function zipOf(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = deflateRawSync(content);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

let archive: Buffer;
let mirror: Server;
let mirrorUrl: string;
let checksums = '';
const requested: string[] = [];

/** A scratch copy of the project's install script and pin: it installs into that copy's own .pocketbase/. */
function scratchProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'pocketdesk-install-'));
  mkdirSync(join(root, 'scripts'));
  for (const file of ['install-pocketbase.mjs', 'pocketbase-paths.mjs']) copyFileSync(join(projectRoot, 'scripts', file), join(root, 'scripts', file));
  copyFileSync(join(projectRoot, 'package.json'), join(root, 'package.json'));
  return root;
}

/** Runs the install script with no Go on PATH. */
function install(root: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'install-pocketbase.mjs')], {
      cwd: root,
      env: { PATH: join(root, 'no-go-here'), HOME: root, POCKETBASE_RELEASE_URL: `${mirrorUrl}/` },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  archive = zipOf({ 'CHANGELOG.md': Buffer.from('# changes\n'), pocketbase: readFileSync(pocketBaseBinary()), 'LICENSE.md': Buffer.from('MIT\n') });
  mirror = createServer((request, response) => {
    requested.push(request.url ?? '');
    if (request.url === `/v${version}/${asset}`) response.end(archive);
    else if (request.url === `/v${version}/checksums.txt`) response.end(checksums);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => mirror.close(() => resolve())));

describe.skipIf(process.platform !== 'linux')('installing PocketBase without Go', () => {
  it('downloads the pinned release from the mirror, checks it and installs the binary with its types', async () => {
    const sha = createHash('sha256').update(archive).digest('hex');
    checksums = `${'0'.repeat(64)}  pocketbase_${version}_darwin_arm64.zip\n${sha}  ${asset}\n`;
    const root = scratchProject();
    try {
      const result = await install(root);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain(`installed v${version}`);
      expect(requested).toContain(`/v${version}/${asset}`);
      const installed = join(root, '.pocketbase', 'pocketbase');
      expect(createHash('sha256').update(readFileSync(installed)).digest('hex')).toBe(
        createHash('sha256').update(readFileSync(pocketBaseBinary())).digest('hex'),
      );
      expect(existsSync(join(root, '.pocketbase', 'types.d.ts'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses an archive that does not match the release checksums, and installs nothing', async () => {
    checksums = `${'1'.repeat(64)}  ${asset}\n`;
    const root = scratchProject();
    try {
      const result = await install(root);
      expect(result.code).toBe(1);
      expect(result.output).toContain(`checksum mismatch for ${asset}`);
      expect(result.output).toContain('go: not on PATH');
      expect(existsSync(join(root, '.pocketbase', 'pocketbase'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
