// The hybrid step of routing: rules first; when no rule decided where a conversation goes and the model is sure
// enough of the customer's intent, that intent's team and labels apply; otherwise the channel's default path.

/** One intent and how sure the model is of it (0–1). */
export interface ScoredIntent {
  intent: string;
  name: string;
  confidence: number;
}

/** The active model's prediction for the message that opened (or reopened) the conversation, with its target. */
export interface IntentInput extends ScoredIntent {
  /** The next three intents, best first. */
  alternatives: ScoredIntent[];
  teamId: string;
  labels: readonly string[];
  /** The desk's confidence threshold: below it the prediction is logged but does not route. */
  minConfidence: number;
  /** Expected complexity: the intent's median resolution time learned at training; absent when unknown. */
  medianHandleMinutes?: number | null;
}

/** Why the prediction did or did not route: `applied`, a rule or an escalation decided first, or not sure enough. */
export type IntentReason = 'applied' | 'rule-decided' | 'escalation' | 'below-threshold';

/** What the routing log and "Why is this mine?" show about the intent. */
export interface IntentUse extends ScoredIntent {
  alternatives: ScoredIntent[];
  minConfidence: number;
  applied: boolean;
  reason: IntentReason;
  teamId: string;
  labels: string[];
  /** Present when the intent's median handle time added priority points (expected complexity). */
  expectedComplexity?: { medianMinutes: number; points: number };
}

/** Decides whether the predicted intent routes the conversation; null when there is no prediction. */
export function decideIntent(input: IntentInput | null | undefined, decided: { byRule: boolean; byEscalation: boolean }): IntentUse | null {
  if (!input) return null;
  const reason: IntentReason = decided.byEscalation
    ? 'escalation'
    : decided.byRule
      ? 'rule-decided'
      : input.confidence >= input.minConfidence
        ? 'applied'
        : 'below-threshold';
  return {
    intent: input.intent,
    name: input.name,
    confidence: input.confidence,
    alternatives: input.alternatives.slice(0, 3),
    minConfidence: input.minConfidence,
    applied: reason === 'applied',
    reason,
    teamId: input.teamId,
    labels: [...input.labels],
  };
}

/** A model may route only when held-out messages existed and it got at least `minAccuracy` of them right. */
export function passesThreshold(metrics: { accuracy: number; heldOut: number }, minAccuracy: number): boolean {
  return metrics.heldOut > 0 && metrics.accuracy >= minAccuracy;
}
