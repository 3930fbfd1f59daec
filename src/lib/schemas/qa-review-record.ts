// A qa_reviews row and the messages of the reviewed conversation, as the review screens read them. Only those
// routes load it.
import * as z from 'zod/mini';

const pbInstant = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined) => {
    const at = value ? Date.parse(value.replace(' ', 'T')) : NaN;
    return Number.isFinite(at) ? at : null;
  }),
);

export const qaReviewRecordSchema = z.object({
  id: z.string(),
  conversation: z.string(),
  agent: z.string(),
  team: z._default(z.string(), ''),
  period_start: pbInstant,
  period_end: pbInstant,
  status: z.enum(['pending', 'done']),
  scores: z.pipe(
    z.nullable(z.record(z.string(), z.number())),
    z.transform((scores: Record<string, number> | null) => scores ?? {}),
  ),
  total: z._default(z.number(), 0),
  max: z._default(z.number(), 0),
  percent: z._default(z.number(), 0),
  feedback: z._default(z.string(), ''),
  reviewer: z._default(z.string(), ''),
  updated: pbInstant,
});
export type QaReviewRecord = z.output<typeof qaReviewRecordSchema>;

/** One line of the transcript a reviewer reads. */
export const transcriptMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  type: z.string(),
  text: z._default(z.string(), ''),
  sender: z._default(z.string(), ''),
  created: pbInstant,
});
export type TranscriptMessage = z.output<typeof transcriptMessageSchema>;
