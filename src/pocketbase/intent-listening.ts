// Whether a worker holding the active intent model is draining the webhook inbox right now. While it is, the webhook
// route only stores an event and leaves it to that worker, which predicts each new message's intent first
// (hybrid routing); without one, the route applies the event itself as always and routing takes the default path.
// No imports: the small edge bundle reads this on every acknowledgement.

const SEEN_KEY = 'pocketdesk.intentClassifierSeenAt';
/** A worker polls every 200 ms by default; a few seconds of silence means it is gone. */
const LISTENING_FOR_MS = 5_000;

/** The worker with the active model just asked for waiting texts. */
export function markIntentClassifierSeen(now: number): void {
  $app.store().set(SEEN_KEY, now);
}

export function isIntentClassifierListening(now: number): boolean {
  const seen = Number($app.store().get(SEEN_KEY) ?? 0);
  return seen > 0 && now - seen < LISTENING_FOR_MS;
}
