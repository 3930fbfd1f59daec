// Sends webhooks to PocketBase the way Meta does: exact bytes, signed with the app secret.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { TEST_APP_SECRET } from './pocketbase';

export const FIXTURES_DIR = join(projectRoot, 'tests', 'fixtures', 'whatsapp');

export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8'));
}

export function sign(body: string | Buffer, secret = TEST_APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function postWebhook(url: string, body: string, signature: string | null = sign(body)) {
  const response = await fetch(`${url}/api/whatsapp/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    body,
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: json, text };
}

/** A minimal text-message webhook for one customer. */
export function textWebhook(opts: { pnid?: string; from?: string; userId?: string; name?: string; wamid: string; text: string; timestamp?: number }): any {
  const contact: Record<string, unknown> = { profile: { name: opts.name ?? 'Customer' } };
  if (opts.from) contact.wa_id = opts.from;
  if (opts.userId) contact.user_id = opts.userId;
  const message: Record<string, unknown> = {
    id: opts.wamid,
    timestamp: String(opts.timestamp ?? Math.floor(Date.now() / 1000)),
    type: 'text',
    text: { body: opts.text },
  };
  if (opts.from) message.from = opts.from;
  if (opts.userId) message.from_user_id = opts.userId;
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: opts.pnid ?? '106540352242922' },
              contacts: [contact],
              messages: [message],
            },
          },
        ],
      },
    ],
  };
}
