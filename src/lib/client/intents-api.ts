// The hybrid routing screen's reads and actions (admins; the server refuses everyone else).
import type PocketBase from 'pocketbase';
import { intentModelRowSchema, modelMetricsSchema, type IntentModelRow, type IntentSettingsInput, type ModelMetricsWire } from '$lib/schemas/intent-model';
import { failureOf, type SaveResult } from './settings-errors';

export interface IntentSettings {
  enabled: boolean;
  minAccuracy: number;
  minConfidence: number;
}

export type IntentModel = Omit<IntentModelRow, 'metrics'> & { metrics: ModelMetricsWire | null };

async function call<T>(run: () => Promise<T>): Promise<SaveResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return failureOf(error);
  }
}

const FIELDS = 'id,version,status,trigger,progress,stage,trained_at,metrics,error,created';

/** Rows that do not parse are left out: the list is written by several server versions. */
function modelOf(row: unknown): IntentModel[] {
  const parsed = intentModelRowSchema.safeParse(row);
  if (!parsed.success) return [];
  const metrics = modelMetricsSchema.safeParse(parsed.data.metrics);
  return [{ ...parsed.data, metrics: metrics.success ? metrics.data : null }];
}

export const loadIntentModels = (pb: PocketBase) =>
  call(async () => (await pb.collection('intent_models').getList(1, 20, { sort: '-version', fields: FIELDS, requestKey: null })).items.flatMap(modelOf));

export const loadIntentSettings = (pb: PocketBase) =>
  call(async () => {
    const row = await pb.collection('intent_settings').getOne('intentsettings1', { requestKey: null });
    return { enabled: Boolean(row.enabled), minAccuracy: Number(row.min_accuracy), minConfidence: Number(row.min_confidence) } satisfies IntentSettings;
  });

export const saveIntentSettings = (pb: PocketBase, settings: IntentSettingsInput) =>
  call(() => pb.send<IntentSettings>('/api/pocketdesk/intents/settings', { method: 'POST', body: settings, requestKey: null }));

export const trainIntentModel = (pb: PocketBase) => call(() => pb.send('/api/pocketdesk/intents/train', { method: 'POST', requestKey: null }));

/** Calls `onChange` whenever a model row changes (training progress, a model switched on); returns the unsubscribe. */
export async function watchIntentModels(pb: PocketBase, onChange: () => void): Promise<() => Promise<void>> {
  return pb.collection('intent_models').subscribe('*', onChange, { fields: FIELDS });
}
