// What the desk already knows about a customer when a new conversation starts: the predictive signals routing
// weighs (issue #20). Gathered once per routing decision by the adapter (one aggregate query); pure from here on.

/** A customer's past with the desk, over all their conversations on any channel. */
export interface CustomerHistory {
  /** Times a conversation of theirs was escalated to another team. */
  escalations: number;
  /** Times a conversation of theirs was handed from one agent to another. */
  handovers: number;
  /** Times a conversation of theirs was reopened after being resolved. */
  reopens: number;
  /** Survey answers of 1 or 2 out of 5 they gave. */
  lowRatings: number;
  /** Mean time from opening to resolution of their resolved conversations, in minutes; null when none is resolved. */
  averageResolutionMinutes: number | null;
}

export const NO_HISTORY: CustomerHistory = { escalations: 0, handovers: 0, reopens: 0, lowRatings: 0, averageResolutionMinutes: null };

/** The highest survey rating that counts as a low one. */
export const LOW_RATING_MAX = 2;
