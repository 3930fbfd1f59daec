// Whether a team's conversations are assigned outright or offered, and for how long an offer stands.

export type AssignmentMode = 'assign' | 'offer';

export interface OfferPolicy {
  mode: AssignmentMode;
  timeoutMs: number;
}

/** Used when a team leaves the timeout empty (0). */
export const DEFAULT_OFFER_TIMEOUT_SECONDS = 60;

/** The team fields as stored: `assignment_mode` may be empty (teams from before offers), the timeout 0. */
export interface TeamOfferFields {
  assignmentMode: string;
  offerTimeoutSeconds: number;
}

/** Reads a team's setting; anything but `offer` (no team, an empty or unknown mode) means plain assignment. */
export function offerPolicyOf(team: TeamOfferFields | null): OfferPolicy {
  const seconds = team && team.offerTimeoutSeconds > 0 ? team.offerTimeoutSeconds : DEFAULT_OFFER_TIMEOUT_SECONDS;
  return { mode: team?.assignmentMode === 'offer' ? 'offer' : 'assign', timeoutMs: seconds * 1000 };
}
