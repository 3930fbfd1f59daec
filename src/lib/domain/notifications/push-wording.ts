import type { SlaTarget } from '../sla/sla-status';

// The words a push carries as a catalogue key and its parameters: the server does not know the device's language,
// so the service worker says them from the app's own catalogue (English title and body still travel as a fallback).

export const SLA_TARGETS = ['first-response', 'next-response', 'resolution'] as const satisfies readonly SlaTarget[];
export const PAUSE_REASONS = ['gone', 'address-refused', 'failing-24h'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** What a push says, by key; every key is a sentence in each language of the service worker's catalogue. */
export type PushWording =
  /** Conversations a colleague covered while the owner was off shift are back with the owner. */
  | { key: 'handed-back'; count: number }
  /** A reply or resolution target of the SLA was missed. */
  | { key: 'sla-missed'; target: SlaTarget }
  /** An integration endpoint was paused; `endpoint` is its name as the admin wrote it. */
  | { key: 'integration-paused'; endpoint: string; reason: PauseReason }
  /** Nothing specific was written: the title says why the agent is told (the kind), with the customer's name. */
  | { key: 'kind-title'; customer: string | null };

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0 && (value as number) < 100_000;
const isShortText = (value: unknown): value is string => typeof value === 'string' && value.length <= 200;

/** True for a well-formed wording; anything else (older rows, a tampered payload) is ignored and the English text shows. */
export function isPushWording(value: unknown): value is PushWording {
  if (!value || typeof value !== 'object') return false;
  const w = value as Record<string, unknown>;
  switch (w.key) {
    case 'handed-back':
      return isCount(w.count);
    case 'sla-missed':
      return (SLA_TARGETS as readonly unknown[]).includes(w.target);
    case 'integration-paused':
      return isShortText(w.endpoint) && (PAUSE_REASONS as readonly unknown[]).includes(w.reason);
    case 'kind-title':
      return w.customer === null || isShortText(w.customer);
    default:
      return false;
  }
}
