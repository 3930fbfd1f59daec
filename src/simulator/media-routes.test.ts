import { afterEach, describe, expect, it } from 'vitest';
import { mediaInfoResponseSchema, mediaUploadResponseSchema } from '../lib/schemas/graph';
import { ACCESS_TOKEN, CHANNEL, createManualClock, startTestRig, type TestRig } from './testing/test-rig';

const UPLOAD = `/v25.0/${CHANNEL.phoneNumberId}/media`;

function form(bytes: Buffer, type: string, filename = 'file.bin', withType = true): FormData {
  const data = new FormData();
  data.set('messaging_product', 'whatsapp');
  if (withType) data.set('type', type);
  data.set('file', new Blob([bytes], { type }), filename);
  return data;
}

describe('media routes', () => {
  let rig: TestRig | undefined;
  afterEach(async () => rig?.close());

  it('uploads, describes, serves with the bearer token and deletes a file', async () => {
    rig = await startTestRig({ timeScale: 1 });
    const bytes = Buffer.from('%PDF-1.4 hello');
    const upload = await rig.graph(UPLOAD, { form: form(bytes, 'application/pdf', 'hello.pdf') });
    expect(upload.status).toBe(200);
    const { id } = mediaUploadResponseSchema.parse(upload.json);

    const info = await rig.graph(`/v25.0/${id}?phone_number_id=${CHANNEL.phoneNumberId}`);
    expect(info.status).toBe(200);
    const parsed = mediaInfoResponseSchema.parse(info.json);
    expect(parsed).toMatchObject({ messaging_product: 'whatsapp', mime_type: 'application/pdf', file_size: bytes.length, id });
    expect(parsed.url).toMatch(new RegExp(`^${rig.simulator.url}/_sim/media/${id}\\?token=[0-9a-f]{32}$`));

    const download = await fetch(parsed.url, { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);

    expect((await fetch(parsed.url)).status).toBe(401);

    expect(await rig.graph(`/v25.0/${id}`, { method: 'DELETE' })).toEqual({ status: 200, json: { success: true } });
    expect((await rig.graph(`/v25.0/${id}`)).json.error.code).toBe(100);
  });

  it('expires download URLs after five minutes', async () => {
    const clock = createManualClock();
    rig = await startTestRig({ timeScale: 1, now: clock.now });
    const { id } = (await rig.graph(UPLOAD, { form: form(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg') })).json as { id: string };
    const { url } = (await rig.graph(`/v25.0/${id}`)).json as { url: string };
    const get = () => fetch(url, { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } });

    clock.advance(5 * 60 * 1000 - 1);
    expect((await get()).status).toBe(200);
    clock.advance(1);
    expect((await get()).status).toBe(404);
    // A fresh GET /{media-id} issues a working URL again.
    const { url: fresh } = (await rig.graph(`/v25.0/${id}`)).json as { url: string };
    expect((await fetch(fresh, { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } })).status).toBe(200);
  });

  it('expires every URL on demand', async () => {
    rig = await startTestRig();
    const { id } = (await rig.graph(UPLOAD, { form: form(Buffer.from('hi'), 'text/plain') })).json as { id: string };
    const { url } = (await rig.graph(`/v25.0/${id}`)).json as { url: string };
    await fetch(`${rig.simulator.url}/_sim/media/expire-urls`, { method: 'POST' });
    expect((await fetch(url, { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } })).status).toBe(404);
  });

  it('takes the MIME type from the file part when no type field is sent', async () => {
    rig = await startTestRig();
    const upload = await rig.graph(UPLOAD, { form: form(Buffer.from('ID3'), 'audio/mpeg', 'a.mp3', false) });
    const info = await rig.graph(`/v25.0/${upload.json.id}`);
    expect(info.json.mime_type).toBe('audio/mpeg');
  });

  it.each([
    ['an unsupported MIME type', Buffer.from('GIF89a'), 'image/gif'],
    ['an image over 5 MB', Buffer.alloc(5 * 1024 * 1024 + 1), 'image/png'],
    ['Ogg that is not Opus', Buffer.from('OggS'), 'audio/ogg; codecs=vorbis'],
  ])('refuses %s with 131053', async (_label, bytes, type) => {
    rig = await startTestRig();
    const res = await rig.graph(UPLOAD, { form: form(bytes, type) });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(131053);
  });

  it('refuses an upload without the bearer token', async () => {
    rig = await startTestRig();
    const res = await rig.graph(UPLOAD, { form: form(Buffer.from('x'), 'text/plain'), token: null });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe(190);
  });

  it('hides media from another business number', async () => {
    rig = await startTestRig();
    const { id } = (await rig.graph(UPLOAD, { form: form(Buffer.from('x'), 'text/plain') })).json as { id: string };
    const res = await rig.graph(`/v25.0/${id}?phone_number_id=1111`);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
