// Hybrid routing's input: the worker's prediction for the message that opened (or reopened) a conversation, with
// the active model's target for it and the desk's confidence threshold. The decision itself is the domain's
// (decideIntent inside decideRouting); none of this runs unless hybrid routing is on and a model is active.
import type { IntentInput } from '../lib/domain/routing/intent-routing';
import { activeIntentModel, predictionFor, readIntentSettings } from './records/intent-model';
import { findOne } from './records';

/** The prediction routing may weigh for `wamid`, or null (switched off, no active model, not predicted, team gone). */
export function intentInputFor(app: core.App, wamid: string | null | undefined): IntentInput | null {
  if (!wamid) return null;
  const settings = readIntentSettings(app);
  if (!settings.enabled) return null;
  const prediction = predictionFor(app, wamid);
  if (!prediction) return null;
  const model = activeIntentModel(app);
  // A prediction by a model that has since been retired says nothing about today's targets.
  if (!model || model.id !== prediction.modelId) return null;
  const target = model.targets[prediction.intent];
  if (!target || !findOne(app, 'teams', 'id = {:id}', { id: target.teamId })) return null;
  const nameOf = (intent: string) => model.targets[intent]?.name ?? intent;
  return {
    intent: prediction.intent,
    name: target.name,
    confidence: prediction.confidence,
    alternatives: prediction.alternatives.slice(0, 3).map((alternative) => ({ ...alternative, name: nameOf(alternative.intent) })),
    teamId: target.teamId,
    labels: target.labels,
    minConfidence: settings.minConfidence,
    medianHandleMinutes: target.medianHandleMinutes ?? null,
  };
}
