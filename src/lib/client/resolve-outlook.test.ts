import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskDb } from './db';
import { resolveOutlook } from './resolve-outlook';

const now = Date.UTC(2026, 5, 15, 10, 0);
const HOUR = 3_600_000;
let db: DeskDb;
afterEach(async () => db?.delete());

async function deviceWith(templates: { name: string; status?: string; channel?: string }[], service: unknown = null) {
  db = new DeskDb(`outlook-${Math.random()}`);
  await db.channels.put({ id: 'ch1', name: 'Shop', display_phone_number: '', language: 'en', service });
  await db.templates.bulkPut(
    templates.map((t, i) => ({
      id: `t${i}`,
      language: 'en_US',
      category: 'utility',
      parameter_format: 'positional',
      components: [],
      status: 'approved',
      channel: 'ch1',
      ...t,
    })),
  );
}
const closed = { channel: 'ch1', last_inbound_at: now - 30 * HOUR, csat_requested_at: null };

describe('resolveOutlook', () => {
  it('warns when the window has closed and no approved survey template is on the device', async () => {
    await deviceWith([{ name: 'order_update' }, { name: 'csat_request', status: 'pending' }, { name: 'csat_request', channel: 'other' }]);
    expect(await resolveOutlook(db, closed, now)).toEqual({ kind: 'no-template', name: 'csat_request' });
  });

  it('sends the approved template when there is one', async () => {
    await deviceWith([{ name: 'csat_request' }]);
    expect(await resolveOutlook(db, closed, now)).toMatchObject({ kind: 'template', name: 'csat_request' });
  });

  it('follows the channel’s survey settings', async () => {
    await deviceWith([{ name: 'csat_request' }], { csat: { enabled: false } });
    expect(await resolveOutlook(db, closed, now)).toEqual({ kind: 'not-asked', reason: 'surveys-off' });
    await db.channels.update('ch1', { service: { csat: { templateName: 'rate_us' } } });
    expect(await resolveOutlook(db, closed, now)).toEqual({ kind: 'no-template', name: 'rate_us' });
  });

  it('asks with a list inside the window', async () => {
    await deviceWith([]);
    expect(await resolveOutlook(db, { ...closed, last_inbound_at: now - HOUR }, now)).toEqual({ kind: 'list' });
  });
});
