// The intent collections (issue #20) as the hooks read and write them: the desk's one settings row, the active
// model's targets (read by SQL: the model's weights, megabytes of JSON, are never loaded into the VM), the worker's
// predictions, and agents' corrections.
import type { IntentTarget } from '../../lib/domain/routing/intent-training';
import { findOne, newRecord } from '../records';

export const INTENT_SETTINGS_ID = 'intentsettings1';

export interface IntentSettings {
  enabled: boolean;
  minAccuracy: number;
  minConfidence: number;
}

const DEFAULTS: IntentSettings = { enabled: true, minAccuracy: 0.8, minConfidence: 0.6 };

export function readIntentSettings(app: core.App): IntentSettings {
  const row = findOne(app, 'intent_settings', 'id = {:id}', { id: INTENT_SETTINGS_ID });
  if (!row) return DEFAULTS;
  return { enabled: row.getBool('enabled'), minAccuracy: row.getFloat('min_accuracy'), minConfidence: row.getFloat('min_confidence') };
}

export function writeIntentSettings(app: core.App, settings: IntentSettings): void {
  const row = findOne(app, 'intent_settings', 'id = {:id}', { id: INTENT_SETTINGS_ID }) ?? newRecord(app, 'intent_settings', { id: INTENT_SETTINGS_ID });
  row.set('enabled', settings.enabled);
  row.set('min_accuracy', settings.minAccuracy);
  row.set('min_confidence', settings.minConfidence);
  app.save(row);
}

export interface ActiveModel {
  id: string;
  targets: Record<string, IntentTarget>;
}

/** The model routing uses now, without its weights; null when none is active. */
export function activeIntentModel(app: core.App): ActiveModel | null {
  const rows = arrayOf(new DynamicModel({ id: '', targets: '' }));
  app.db().newQuery("SELECT id, targets FROM intent_models WHERE status = 'active' ORDER BY created DESC LIMIT 1").all(rows);
  const row = (rows as unknown as Array<{ id: string; targets: string }>)[0];
  if (!row) return null;
  try {
    return { id: row.id, targets: (JSON.parse(row.targets || '{}') ?? {}) as Record<string, IntentTarget> };
  } catch {
    return { id: row.id, targets: {} };
  }
}

export interface StoredPrediction {
  modelId: string;
  intent: string;
  confidence: number;
  alternatives: Array<{ intent: string; confidence: number }>;
}

export function predictionFor(app: core.App, wamid: string): StoredPrediction | null {
  const row = findOne(app, 'message_intents', 'wamid = {:w}', { w: wamid });
  if (!row) return null;
  let alternatives: StoredPrediction['alternatives'] = [];
  try {
    alternatives = JSON.parse(row.getString('alternatives') || '[]') ?? [];
  } catch {
    alternatives = [];
  }
  return { modelId: row.getString('model'), intent: row.getString('intent'), confidence: row.getFloat('confidence'), alternatives };
}

export function writeCorrection(
  app: core.App,
  correction: { conversationId: string; kind: 'transfer' | 'labels'; teamId: string; labels: string[]; actorId: string | null },
): void {
  app.save(
    newRecord(app, 'intent_corrections', {
      conversation: correction.conversationId,
      kind: correction.kind,
      team: correction.teamId,
      labels: correction.labels,
      actor: correction.actorId ?? '',
    }),
  );
}
