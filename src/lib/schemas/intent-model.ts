// Hybrid routing's wire shapes (issue #20): the desk's intent settings as admins save them, the worker's training
// report, its predictions for waiting messages, and the model card the admin screen reads.
import * as z from 'zod/mini';

const share = z.number().check(z.gte(0), z.lte(1));

/** The desk's switch and thresholds; every field optional, so the screen saves one at a time. */
export const intentSettingsSchema = z.object({
  enabled: z.optional(z.boolean()),
  minAccuracy: z.optional(share),
  minConfidence: z.optional(share),
});
export type IntentSettingsInput = z.input<typeof intentSettingsSchema>;

const scored = z.object({ intent: z.string().check(z.maxLength(500)), confidence: share });

/** One prediction the worker made for a customer's message still in the webhook inbox. */
export const messageIntentSchema = z.object({
  wamid: z.string().check(z.minLength(1), z.maxLength(300)),
  intent: z.string().check(z.maxLength(500)),
  confidence: share,
  alternatives: z.array(scored).check(z.maxLength(3)),
});

export const messageIntentsBodySchema = z.object({
  model: z.string().check(z.minLength(1), z.maxLength(40)),
  predictions: z.array(messageIntentSchema).check(z.maxLength(1000)),
});

const target = z.object({
  name: z.string().check(z.maxLength(500)),
  teamId: z.string().check(z.maxLength(40)),
  labels: z.array(z.string()),
  medianHandleMinutes: z.optional(z.number().check(z.gte(0))),
});

const cardRow = z.object({ intent: z.string(), name: z.string(), precision: share, recall: share, support: z.number() });

/** What the model card shows (see ModelMetrics in src/lib/domain/routing/intent-training.ts). */
export const modelMetricsSchema = z.object({
  accuracy: share,
  heldOut: z.number(),
  trainingSize: z.number(),
  corrections: z.number(),
  intents: z.number(),
  perIntent: z.array(cardRow),
  confusions: z.array(z.object({ actual: z.string(), predicted: z.string(), count: z.number() })),
  // Optional: models trained before expected complexity have none.
  handleTimes: z.optional(z.array(z.object({ intent: z.string(), name: z.string(), medianMinutes: z.number(), resolved: z.number() }))),
});
export type ModelMetricsWire = z.output<typeof modelMetricsSchema>;

/** The worker's report on a training job: its progress, or its outcome. */
export const trainingReportSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(40)),
  progress: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100))),
  stage: z.optional(z.string().check(z.maxLength(40))),
  outcome: z.optional(
    z.union([
      z.object({ ok: z.literal(true), model: z.unknown(), targets: z.record(z.string(), target), metrics: modelMetricsSchema }),
      z.object({ ok: z.literal(false), error: z.string().check(z.maxLength(2000)) }),
    ]),
  ),
});
export type TrainingReport = z.input<typeof trainingReportSchema>;

/** A model row as the admin screen reads it (the model's weights are hidden from the API). */
export const intentModelRowSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(['queued', 'training', 'trained', 'active', 'retired', 'failed']),
  trigger: z.string(),
  progress: z.number(),
  stage: z.string(),
  trained_at: z.string(),
  metrics: z.nullable(z.unknown()),
  error: z.string(),
  created: z.string(),
});
export type IntentModelRow = z.output<typeof intentModelRowSchema>;
