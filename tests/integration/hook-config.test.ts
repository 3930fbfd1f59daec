import { describe, expect, it } from 'vitest';
import { startPocketBase } from '../support/pocketbase';

// A PocketBase started by hand (not through npm start/serve, which check first) must refuse a bad value too.
describe('the hooks environment at bootstrap', () => {
  it('stops the start on a bad POCKETDESK_AWAY_AFTER_MINUTES, naming it', async () => {
    await expect(startPocketBase({ POCKETDESK_AWAY_AFTER_MINUTES: 'soon' })).rejects.toThrow(/POCKETDESK_AWAY_AFTER_MINUTES must be a whole number/);
  });

  it('starts with a good one', async () => {
    const pb = await startPocketBase({ POCKETDESK_AWAY_AFTER_MINUTES: '90' });
    await pb.stop();
  });
});
