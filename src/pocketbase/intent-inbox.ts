// Where hybrid routing's inference runs: in the Node worker, before an event is applied. A prediction costs ~10 ms in
// PocketBase's JS VM and loading a model seconds per pooled VM, against < 0.5 ms in Node, so the worker asks for the
// texts of the messages waiting in the webhook inbox, predicts them, stores the predictions here by wamid, and then
// drains the inbox through apply-webhooks; routing (in the event's transaction) reads the prediction of the message
// that opened the conversation. Acknowledgements never wait for any of it: Meta gets its 200 once the event is stored.
import * as z from 'zod/mini';
import { messageIntentsBodySchema } from '../lib/schemas/intent-model';
import { respondError } from './api-errors';
import { markIntentClassifierSeen } from './intent-listening';
import { activeIntentModel, readIntentSettings } from './records/intent-model';
import { findOne, newRecord } from './records';
import { claimLimit, currentApp, loose, workerRoute } from './route-kit';
import { dueEntries, readEntry } from './webhook-inbox';

const TEXT_LIMIT = 2_000;

interface WaitingText {
  wamid: string;
  text: string;
}

/** The customer texts of one stored delivery (text bodies and captions); anything unreadable is skipped, not refused. */
function textsOf(raw: string): WaitingText[] {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return [];
  }
  const texts: WaitingText[] = [];
  const entries = (body as { entry?: unknown })?.entry;
  for (const entry of Array.isArray(entries) ? entries : []) {
    const changes = (entry as { changes?: unknown })?.changes;
    for (const change of Array.isArray(changes) ? changes : []) {
      const messages = (change as { value?: { messages?: unknown } })?.value?.messages;
      for (const message of Array.isArray(messages) ? messages : []) {
        const m = message as Record<string, { body?: unknown; caption?: unknown } | undefined> & { id?: unknown; type?: unknown };
        const type = typeof m.type === 'string' ? m.type : '';
        const text = type === 'text' ? m.text?.body : m[type]?.caption;
        if (typeof m.id === 'string' && typeof text === 'string' && text.trim() !== '') texts.push({ wamid: m.id, text: text.slice(0, TEXT_LIMIT) });
      }
    }
  }
  return texts;
}

const inboxTextsBody = z.object({ limit: loose, model: z.optional(z.string()) });

/**
 * POST /api/pocketdesk/worker/inbox-texts `{limit?, model?}` (superuser): the active model (id, or null while hybrid
 * routing is off or nothing is trained), and the texts of the due inbox events up to `before` (the seq to pass to
 * apply-webhooks so that nothing arriving in between is applied unpredicted). A worker that says it holds the active
 * model marks itself listening, and the webhook route leaves new events to it.
 */
export const handleInboxTexts = workerRoute({ body: inboxTextsBody }, (e, body) => {
  const app = currentApp();
  const now = Date.now();
  const settings = readIntentSettings(app);
  const active = settings.enabled ? activeIntentModel(app) : null;
  if (!active || body.model !== active.id) return void e.json(200, { model: active?.id ?? null, texts: [], before: null });
  markIntentClassifierSeen(now);
  const due = dueEntries(app, now, claimLimit(body.limit ?? 100));
  const texts = due.flatMap((entry) => textsOf(readEntry(app, entry.seq)?.raw ?? ''));
  const before = due.length ? due[due.length - 1]!.seq + 1 : null;
  e.json(200, { model: active.id, texts, before });
});

/** POST /api/pocketdesk/worker/message-intents `{model, predictions}` (superuser): stores predictions by wamid, once each. */
export const handleMessageIntents = workerRoute({ body: messageIntentsBodySchema }, (e, body) => {
  const app = currentApp();
  if (!findOne(app, 'intent_models', 'id = {:id}', { id: body.model })) return void respondError(e, 404, 'unknown-model', 'No such intent model.');
  let stored = 0;
  app.runInTransaction((txApp) => {
    for (const prediction of body.predictions) {
      // Meta redelivers: the first prediction of a message stands.
      if (findOne(txApp, 'message_intents', 'wamid = {:w}', { w: prediction.wamid })) continue;
      txApp.save(
        newRecord(txApp, 'message_intents', {
          wamid: prediction.wamid,
          model: body.model,
          intent: prediction.intent,
          confidence: prediction.confidence,
          alternatives: prediction.alternatives,
        }),
      );
      stored++;
    }
  });
  e.json(200, { stored });
});
