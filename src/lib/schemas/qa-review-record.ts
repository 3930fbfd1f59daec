// A qa_reviews row and the messages of the reviewed conversation, as the review screens read them. Full zod:
// only those routes load it.
import { z } from 'zod';

const pbInstant = z
  .string()
  .optional()
  .transform((value) => {
    const at = value ? Date.parse(value.replace(' ', 'T')) : NaN;
    return Number.isFinite(at) ? at : null;
  });

export const qaReviewRecordSchema = z.object({
  id: z.string(),
  conversation: z.string(),
  agent: z.string(),
  team: z.string().default(''),
  period_start: pbInstant,
  period_end: pbInstant,
  status: z.enum(['pending', 'done']),
  scores: z.record(z.string(), z.number()).nullable().transform((scores) => scores ?? {}),
  total: z.number().default(0),
  max: z.number().default(0),
  percent: z.number().default(0),
  feedback: z.string().default(''),
  reviewer: z.string().default(''),
  updated: pbInstant,
});
export type QaReviewRecord = z.output<typeof qaReviewRecordSchema>;

/** One line of the transcript a reviewer reads. */
export const transcriptMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  type: z.string(),
  text: z.string().default(''),
  sender: z.string().default(''),
  created: pbInstant,
});
export type TranscriptMessage = z.output<typeof transcriptMessageSchema>;
