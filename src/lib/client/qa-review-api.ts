// The review screens' requests. Online only: reviews are a supervisor's desk work, not something to queue offline.
import type PocketBase from 'pocketbase';
import type { RubricCriterion } from '../domain/qa/qa-settings';
import { qaReviewRecordSchema, transcriptMessageSchema, type QaReviewRecord, type TranscriptMessage } from '../schemas/qa-review-record';
import { rubricOfTeam } from './qa-review';

function parsed<T>(rows: unknown[], parse: (row: unknown) => { success: true; data: T } | { success: false }): T[] {
  return rows.flatMap((row) => {
    const result = parse(row);
    return result.success ? [result.data] : [];
  });
}

/** Reviews matching `filter` (the API rules already limit them to what the reader may see), newest period first. */
export async function listReviews(pb: PocketBase, filter: string, params: Record<string, unknown> = {}): Promise<QaReviewRecord[]> {
  const rows = await pb.collection('qa_reviews').getList(1, 100, { requestKey: null, sort: '-period_start,-updated', filter: pb.filter(filter, params) });
  return parsed(rows.items, (row) => qaReviewRecordSchema.safeParse(row));
}

export interface ReviewDetail {
  review: QaReviewRecord;
  rubric: readonly RubricCriterion[];
  messages: TranscriptMessage[];
}

/** One review with its team's rubric and the conversation's messages in order. */
export async function loadReview(pb: PocketBase, id: string): Promise<ReviewDetail | null> {
  const raw = await pb.collection('qa_reviews').getOne(id, { requestKey: null });
  const review = qaReviewRecordSchema.safeParse(raw);
  if (!review.success) return null;
  const [team, messages] = await Promise.all([
    review.data.team
      ? pb
          .collection('teams')
          .getOne(review.data.team, { requestKey: null, fields: 'settings' })
          .catch(() => null)
      : null,
    pb.collection('messages').getFullList({
      requestKey: null,
      sort: 'created',
      fields: 'id,direction,type,text,sender,created',
      filter: pb.filter('conversation = {:id} && type != "reaction"', { id: review.data.conversation }),
    }),
  ]);
  return { review: review.data, rubric: rubricOfTeam(team?.settings), messages: parsed(messages, (row) => transcriptMessageSchema.safeParse(row)) };
}

/** Saves the supervisor's scores and feedback; the server totals them and marks the review done. */
export async function saveReview(pb: PocketBase, id: string, scores: Record<string, unknown>, feedback: string): Promise<QaReviewRecord> {
  const saved = await pb.collection('qa_reviews').update(id, { scores, feedback }, { requestKey: null });
  return qaReviewRecordSchema.parse(saved);
}
