import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './template-registry';
import { CHANNEL, startTestRig, type TestRig } from './testing/test-rig';

const LIST = `/v25.0/${CHANNEL.wabaId}/message_templates?fields=name,language,status,category,components,quality_score,rejected_reason`;
let rig: TestRig;
beforeAll(async () => {
  rig = await startTestRig({ scriptedCustomers: false });
});
afterAll(async () => rig?.close());

describe('GET /{waba-id}/message_templates', () => {
  it('lists the registry page by page, following paging.next until it is gone', async () => {
    const names: string[] = [];
    let path: string | null = `${LIST}&limit=2`;
    let pages = 0;
    while (path) {
      const page: { status: number; json: any } = await rig.graph(path);
      expect(page.status).toBe(200);
      expect(page.json.data.length).toBeLessThanOrEqual(2);
      names.push(...page.json.data.map((t: { name: string; language: string }) => `${t.name}/${t.language}`));
      path = page.json.paging.next ? page.json.paging.next.slice(rig.simulator.url.length) : null;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(DEFAULT_TEMPLATES.length / 2));
    expect(names).toEqual(DEFAULT_TEMPLATES.map((t) => `${t.name}/${t.language}`));
  });

  it('caps a page at the template_page_size knob', async () => {
    rig.simulator.setKnobs({ template_page_size: 4 });
    try {
      const page = await rig.graph(`${LIST}&limit=100`);
      expect(page.json.data).toHaveLength(4);
      expect(page.json.paging.cursors.after).toEqual(expect.any(String));
    } finally {
      rig.simulator.setKnobs({ template_page_size: 25 });
    }
  });

  it('answers Meta’s shape, with a paused and a rejected template and the reason', async () => {
    const { json } = await rig.graph(`${LIST}&limit=50`);
    expect(json.paging.next).toBeUndefined();
    expect(json.data.find((t: { name: string }) => t.name === 'spring_sale')).toMatchObject({
      status: 'PAUSED',
      category: 'MARKETING',
      id: expect.stringMatching(/^\d+$/),
    });
    expect(json.data.find((t: { name: string }) => t.name === 'win_a_prize')).toMatchObject({ status: 'REJECTED', rejected_reason: 'PROMOTIONAL' });
    expect(json.data.find((t: { name: string }) => t.name === 'order_shipped').components).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
      { type: 'BODY', text: 'Good news: it ships {{1}}.' },
    ]);
  });

  it('gives Meta’s errors for a bad token and an unknown account', async () => {
    const bad = await rig.graph(LIST, { token: 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.json.error).toMatchObject({ code: 190, type: 'OAuthException' });
    const unknown = await rig.graph(`/v25.0/999999/message_templates`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe(100);
  });

  it('refuses to send a template Meta has not approved', async () => {
    const sent = await rig.graph(`/v25.0/${CHANNEL.phoneNumberId}/messages`, {
      body: { messaging_product: 'whatsapp', to: '16505550000', type: 'template', template: { name: 'win_a_prize', language: { code: 'en_US' } } },
    });
    expect(sent.status).toBe(404);
    expect(sent.json.error.code).toBe(132001);
  });
});
