// Training and switching on the desk's intent model (issue #20). Admins queue a training ("Train now") and set the
// two thresholds and the switch; a nightly cron queues one too. The worker claims a queued training, trains in Node
// (src/worker/intent-training.ts), reports progress, and hands back the model with its held-out figures: it becomes
// the active model only when its held-out accuracy reaches the admin's threshold, and the one before it retires.
import * as z from 'zod/mini';
import { passesThreshold } from '../lib/domain/routing/intent-routing';
import { intentSettingsSchema, trainingReportSchema } from '../lib/schemas/intent-model';
import { respondError } from './api-errors';
import { writeAudit } from './audit';
import { readIntentSettings, writeIntentSettings } from './records/intent-model';
import { findOne, isoDate, newRecord } from './records';
import { currentApp, loose, staffRoute, workerRoute } from './route-kit';

const TRAINING_LEASE_MS = 10 * 60_000;
const MIN_LEASE_MS = 30_000;
/** Predictions are needed only until the message is applied; a week covers any backlog and replay. */
const PREDICTIONS_KEPT_MS = 7 * 24 * 3_600_000;

/** A training queued or running; a second request joins it instead of queueing another. */
function pendingTraining(app: core.App, now: number): core.Record | null {
  return findOne(app, 'intent_models', "status = 'queued' || (status = 'training' && claimed_until > {:now})", { now: isoDate(now) }, '-created');
}

function queueTraining(app: core.App, trigger: 'manual' | 'schedule', requestedBy: string | null, now: number): { record: core.Record; queued: boolean } {
  const pending = pendingTraining(app, now);
  if (pending) return { record: pending, queued: false };
  const last = findOne(app, 'intent_models', "id != ''", {}, '-version');
  const record = newRecord(app, 'intent_models', {
    version: (last?.getInt('version') ?? 0) + 1,
    status: 'queued',
    trigger,
    requested_by: requestedBy ?? '',
    progress: 0,
    stage: 'queued',
  });
  app.save(record);
  return { record, queued: true };
}

/** POST /api/pocketdesk/intents/train — queues a training (admins); 202 with the job, or the one already waiting. */
export const handleTrainNow = staffRoute({ roles: ['admin'] }, (e, { staff }) => {
  let job: { record: core.Record; queued: boolean } | null = null;
  currentApp().runInTransaction((txApp) => {
    job = queueTraining(txApp, 'manual', staff.record.id, Date.now());
  });
  const { record, queued } = job!;
  e.json(202, { id: record.id, version: record.getInt('version'), status: record.getString('status'), queued });
});

/** POST /api/pocketdesk/intents/settings — the switch and the two thresholds (admins), audited. */
export const handleSaveIntentSettings = staffRoute({ roles: ['admin'], body: intentSettingsSchema }, (e, { staff, body }) => {
  const app = currentApp();
  let saved = readIntentSettings(app);
  app.runInTransaction((txApp) => {
    const before = readIntentSettings(txApp);
    saved = {
      enabled: body.enabled ?? before.enabled,
      minAccuracy: body.minAccuracy ?? before.minAccuracy,
      minConfidence: body.minConfidence ?? before.minConfidence,
    };
    writeIntentSettings(txApp, saved);
    writeAudit(txApp, {
      actorId: staff.record.id,
      actorKind: 'agent',
      action: 'update',
      collection: 'intent_settings',
      recordId: 'intentsettings1',
      summary: `${staff.record.getString('name')} changed hybrid routing: ${saved.enabled ? 'on' : 'off'}, accuracy ≥ ${saved.minAccuracy}, confidence ≥ ${saved.minConfidence}`,
      changes: { settings: { from: before, to: saved } },
    });
  });
  e.json(200, saved);
});

const claimBody = z.object({ workerId: z.optional(z.string().check(z.maxLength(100))), leaseMs: loose });

/**
 * POST /api/pocketdesk/worker/claim-intent-training `{workerId, leaseMs?}` (superuser): the oldest queued training,
 * or one whose worker stopped reporting, now leased to this worker; `{job: null}` when there is none.
 */
export const handleClaimIntentTraining = workerRoute({ body: claimBody }, (e, body) => {
  const now = Date.now();
  const lease = typeof body.leaseMs === 'number' && body.leaseMs >= MIN_LEASE_MS ? body.leaseMs : TRAINING_LEASE_MS;
  let job: { id: string; version: number } | null = null;
  currentApp().runInTransaction((txApp) => {
    const record = findOne(txApp, 'intent_models', "status = 'queued' || (status = 'training' && claimed_until <= {:now})", { now: isoDate(now) }, 'created');
    if (!record) return;
    record.set('status', 'training');
    record.set('claimed_by', body.workerId ?? '');
    record.set('claimed_until', isoDate(now + lease));
    record.set('progress', 0);
    record.set('stage', 'gathering');
    txApp.save(record);
    job = { id: record.id, version: record.getInt('version') };
  });
  e.json(200, { job });
});

/**
 * POST /api/pocketdesk/worker/intent-training `{id, progress?, stage?, outcome?}` (superuser): progress extends the
 * lease; an outcome stores the model, its targets and figures and switches it on when it passes the threshold.
 */
export const handleIntentTrainingReport = workerRoute({ body: trainingReportSchema }, (e, body) => {
  const now = Date.now();
  let answer: { status: number; body: Record<string, unknown> } = { status: 404, body: {} };
  currentApp().runInTransaction((txApp) => {
    const record = findOne(txApp, 'intent_models', 'id = {:id}', { id: body.id });
    if (!record) return;
    if (record.getString('status') !== 'training') {
      answer = { status: 409, body: { status: record.getString('status') } };
      return;
    }
    if (body.progress !== undefined) record.set('progress', body.progress);
    if (body.stage !== undefined) record.set('stage', body.stage);
    record.set('claimed_until', isoDate(now + TRAINING_LEASE_MS));
    const outcome = body.outcome;
    if (outcome && !outcome.ok) {
      record.set('status', 'failed');
      record.set('error', outcome.error);
      record.set('stage', 'failed');
    } else if (outcome?.ok) {
      const settings = readIntentSettings(txApp);
      const passes = passesThreshold(outcome.metrics, settings.minAccuracy);
      record.set('model', outcome.model);
      record.set('targets', outcome.targets);
      record.set('metrics', outcome.metrics);
      record.set('trained_at', isoDate(now));
      record.set('progress', 100);
      record.set('stage', 'done');
      record.set('status', passes ? 'active' : 'trained');
      if (passes) {
        for (const previous of txApp.findRecordsByFilter('intent_models', "status = 'active' && id != {:id}", '', 0, 0, { id: record.id } as dbx.Params)) {
          previous!.set('status', 'retired');
          txApp.save(previous!);
        }
      }
    }
    txApp.save(record);
    answer = { status: 200, body: { status: record.getString('status') } };
  });
  if (answer.status === 404) return void respondError(e, 404, 'not-found', 'No such training.');
  if (answer.status === 409) return void respondError(e, 409, 'not-training', 'This training is no longer running.');
  e.json(200, answer.body);
});

/** The nightly cron: queues a training (unless one is waiting) and forgets predictions of long-applied messages. */
export function runScheduledIntentTraining(): void {
  const app = currentApp();
  const now = Date.now();
  app.runInTransaction((txApp) => void queueTraining(txApp, 'schedule', null, now));
  app
    .db()
    .newQuery('DELETE FROM message_intents WHERE created < {:before}')
    .bind({ before: isoDate(now - PREDICTIONS_KEPT_MS) } as dbx.Params)
    .execute();
}

const HISTORY_PAGE = 1_000;
const OPENING_MESSAGES = 3;
const historyBody = z.object({ after: z.optional(z.string().check(z.maxLength(40))), limit: loose });

/**
 * POST /api/pocketdesk/worker/intent-history `{after?, limit?}` (superuser): what training learns from, a page at a
 * time in id order: resolved conversations with a team and conversations an agent corrected, each with the
 * customer's first three texts, its team, labels, whether it is resolved and how long that took (expected complexity).
 */
export const handleIntentHistory = workerRoute({ body: historyBody }, (e, body) => {
  const limit = typeof body.limit === 'number' && Number.isInteger(body.limit) && body.limit > 0 ? Math.min(body.limit, HISTORY_PAGE) : HISTORY_PAGE;
  const rows = arrayOf(new DynamicModel({ id: '', team: '', labels: '', status: '', resolution_ms: 0, text: '' }));
  currentApp()
    .db()
    .newQuery(
      'SELECT c.id, c.team, c.labels, c.status, c.resolution_ms,' +
        " COALESCE((SELECT group_concat(text, char(10)) FROM (SELECT m.text FROM messages m WHERE m.conversation = c.id AND m.direction = 'in' AND m.text != ''" +
        ` ORDER BY m.created LIMIT ${OPENING_MESSAGES})), '') AS text` +
        ' FROM conversations c' +
        " WHERE c.id > {:after} AND ((c.status = 'resolved' AND c.team != '') OR c.id IN (SELECT conversation FROM intent_corrections))" +
        ' ORDER BY c.id LIMIT {:limit}',
    )
    .bind({ after: body.after ?? '', limit } as dbx.Params)
    .all(rows);
  const conversations = (rows as unknown as Array<{ id: string; team: string; labels: string; status: string; resolution_ms: number; text: string }>).map(
    (row) => {
      let labels: string[] = [];
      try {
        labels = JSON.parse(row.labels || '[]') ?? [];
      } catch {
        labels = [];
      }
      const resolved = row.status === 'resolved';
      // resolution_ms is the metrics' resolution time (opened → resolved), kept by a trigger: expected complexity.
      return { id: row.id, text: row.text, teamId: row.team || null, labels, resolved, resolutionMs: resolved ? Number(row.resolution_ms) || 0 : 0 };
    },
  );
  e.json(200, { conversations, next: conversations.length === limit ? conversations[conversations.length - 1]!.id : null });
});
