import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';

let pb: RunningPocketBase;
const pwaDir = join(projectRoot, 'build', 'pwa');

beforeAll(async () => {
  pb = await startPocketBase();
});
afterAll(async () => pb?.stop());

/** A raw GET (fetch would undo the encoding and hide what went over the wire). */
function rawGet(path: string): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${pb.url}${path}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('app shell compression', () => {
  // `npm test` builds the PWA before the integration tests run.
  it('gzips the PWA script a phone downloads first, byte for byte', async () => {
    const entry = readdirSync(join(pwaDir, '_app', 'immutable', 'entry')).find((name) => name.startsWith('start.') && name.endsWith('.js'))!;
    const response = await rawGet(`/_app/immutable/entry/${entry}`);
    expect(response.status).toBe(200);
    expect(response.encoding).toBe('gzip');
    expect(gunzipSync(response.body).equals(readFileSync(join(pwaDir, '_app', 'immutable', 'entry', entry)))).toBe(true);
  });

  it('leaves API answers uncompressed', async () => {
    const response = await rawGet('/api/health');
    expect(response.status).toBe(200);
    expect(response.encoding).toBeUndefined();
    expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ code: 200 });
  });
});
