// Tells the server the agent's app is alive, so managers see "last seen" and a long silence can set them away.
// Availability is the shift toggle, never this: a phone in a pocket misses beats for minutes at a time.

export const HEARTBEAT_MS = 5 * 60_000;

export interface HeartbeatDeps {
  send: () => Promise<unknown>;
  isVisible: () => boolean;
  isOnline: () => boolean;
  every: (callback: () => void, ms: number) => () => void;
}

/** Beats now and then every HEARTBEAT_MS while the app is visible and online; returns the stop function. */
export function startHeartbeat(deps: HeartbeatDeps): () => void {
  const beat = () => {
    // A missed beat is harmless: the next one (or any other request) will do.
    if (deps.isVisible() && deps.isOnline()) void deps.send().catch(() => undefined);
  };
  beat();
  return deps.every(beat, HEARTBEAT_MS);
}
