import { DEFAULT_QA_SETTINGS, type QaSettings } from '../lib/domain/qa/qa-settings';
import { sampleForReview } from '../lib/domain/qa/review-sample';
import { checkQaReview, checkQaSettings } from '../lib/schemas/qa';
import { respondError } from './api-errors';
import { epochMs, isoDate, jsonField, newRecord } from './records';
import { timedSweepRoute } from './timed-sweeps';

const DAY_MS = 86_400_000;

function settingsOf(team: core.Record): QaSettings {
  const raw = jsonField<{ qa?: unknown } | null>(team, 'settings', null)?.qa;
  if (raw === undefined) return DEFAULT_QA_SETTINGS;
  const checked = checkQaSettings(raw);
  return checked.ok ? checked.settings : DEFAULT_QA_SETTINGS;
}

/**
 * For each team with QA on, once per completed period: a random sample of the conversations each agent resolved,
 * queued for the supervisor. Re-running for the same period adds nothing.
 */
export function sampleQaReviews(app: core.App, now: number): number {
  let queued = 0;
  for (const team of app.findAllRecords('teams')) {
    if (!team) continue;
    const settings = settingsOf(team);
    if (!settings.enabled) continue;
    const periodMs = settings.periodDays * DAY_MS;
    const periodEnd = Math.floor(now / periodMs) * periodMs;
    const periodStart = periodEnd - periodMs;
    if (
      app.findRecordsByFilter('qa_reviews', 'team = {:team} && period_start = {:start}', '', 1, 0, { team: team.id, start: isoDate(periodStart) } as dbx.Params)
        .length
    )
      continue;
    const closed = app
      .findRecordsByFilter(
        'conversations',
        'team = {:team} && status = "resolved" && assignee != "" && resolved_at >= {:from} && resolved_at < {:to}',
        '',
        0,
        0,
        { team: team.id, from: isoDate(periodStart), to: isoDate(periodEnd) } as dbx.Params,
      )
      .flatMap((c) => (c ? [{ id: c.id, assigneeId: c.getString('assignee') || null, resolvedAt: epochMs(c, 'resolved_at') }] : []));
    for (const sample of sampleForReview(closed, settings, periodStart, periodEnd, Math.random)) {
      for (const conversationId of sample.conversationIds) {
        app.save(
          newRecord(app, 'qa_reviews', {
            conversation: conversationId,
            agent: sample.agentId,
            team: team.id,
            period_start: isoDate(periodStart),
            period_end: isoDate(periodEnd),
            status: 'pending',
            scores: {},
          }),
        );
        queued++;
      }
    }
  }
  return queued;
}

/** Cron entry (daily): queues the previous period's sample when it is due. */
export function runQaSampling(): void {
  $app.runInTransaction((txApp) => void sampleQaReviews(txApp, Date.now()));
}

/** POST /api/pocketdesk/worker/qa-sample {now?} — see timedSweepRoute. */
export const handleQaSample = timedSweepRoute(sampleQaReviews);

/** A supervisor scores a review: checked against the team's rubric, totals computed here, reviewer recorded. */
export function guardQaReview(e: core.RecordRequestEvent): void {
  const record = e.record!;
  const team = record.getString('team') ? e.app.findRecordById('teams', record.getString('team')) : null;
  const rubric = (team ? settingsOf(team) : DEFAULT_QA_SETTINGS).rubric;
  const checked = checkQaReview(
    { conversationId: record.getString('conversation'), scores: jsonField(record, 'scores', {}), notes: record.getString('feedback') },
    rubric,
  );
  if (!checked.ok) {
    respondError(e, 400, 'invalid-review', 'The review is not valid.', checked.errors);
    return;
  }
  record.set('total', checked.review.total);
  record.set('max', checked.review.max);
  record.set('percent', checked.review.percent);
  record.set('status', 'done');
  if (e.auth) record.set('reviewer', e.auth.id);
  e.next();
}
