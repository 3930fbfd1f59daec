// A large queue written straight into the PWA's IndexedDB, as if it had been synced: for the queue-render
// benchmark and the virtual-list e2e test, where creating thousands of conversations through the API would
// measure the server instead.
import type { Page } from '@playwright/test';
import type { ConversationRecord } from '../../src/lib/schemas/conversation';
import { seededRandom } from './seeded-random';

const FIRST = ['Ana', 'Ben', 'Carla', 'Diego', 'Elena', 'Farid', 'Grace', 'Hugo', 'Iris', 'Jon', 'Kemal', 'Lucía'];
const LAST = ['Pérez', 'Okafor', 'Nguyen', 'Silva', 'Müller', 'Rossi', 'Kowalski', 'Haddad', 'Santos', 'Ito'];
const TEXTS = ['The pump is leaking again', 'Where is my order?', 'Can you call me back?', 'Invoice attached', 'Thanks!', 'Gate code please'];

/**
 * `count` conversations shaped as the app stores them (epoch ms dates, `contact_name`), ids `cq` + 13 digits.
 * Most are open and the agent's; a tenth wait on the customer, some are unassigned, a few resolved.
 */
export function syntheticConversations(count: number, agentId: string, now: number, seed = 42): ConversationRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, n) => {
    const roll = random();
    const status = roll < 0.8 ? 'open' : roll < 0.9 ? 'pending' : roll < 0.97 ? 'open' : 'resolved';
    const assignee = roll >= 0.9 && roll < 0.97 ? '' : agentId;
    const last = now - Math.floor(random() * 7 * 86_400_000);
    const due = random() < 0.7 ? now + Math.floor((random() - 0.3) * 4 * 3_600_000) : null;
    return {
      id: `cq${String(n).padStart(13, '0')}`,
      contact: `cc${String(n).padStart(13, '0')}`,
      channel: '',
      status,
      assignee,
      team: '',
      priority: random() < 0.1 ? 600 : 0,
      last_message_at: last,
      last_inbound_at: last,
      last_message_preview: pick(TEXTS),
      last_outbound_at: null,
      first_response_at: null,
      assigned_at: null,
      labels: [],
      unread_count: random() < 0.3 ? 1 + Math.floor(random() * 5) : 0,
      bot_active: false,
      sla_due_at: due,
      sla_breached: due !== null && due < now,
      offered_to: '',
      offer_expires_at: null,
      snooze_reason: '',
      snoozed_until: null,
      created: last,
      updated: last,
      contact_name: `${pick(FIRST)} ${pick(LAST)} ${n}`,
    } satisfies ConversationRecord;
  });
}

/** Adds `records` to the signed-in app's conversation cache with plain IndexedDB (the app's Dexie is not reachable). */
export async function seedCachedQueue(page: Page, records: ConversationRecord[]): Promise<void> {
  await page.evaluate(async (rows) => {
    // Runs in the page; this project is typed for Node, without the DOM's IndexedDB types.
    const idb = (globalThis as any).indexedDB;
    const open = idb.open('pocketdesk');
    const db = await new Promise<any>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('conversations', 'readwrite');
    const store = tx.objectStore('conversations');
    for (const row of rows) store.put(row);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}
