import type { KnobsPatch, SimulatorKnobs } from '../lib/schemas/simulator';

/** Defaults mirror Meta's usual behaviour in 2026: BSUIDs alongside phones, async window failures, one update per POST. */
export const DEFAULT_KNOBS: Readonly<SimulatorKnobs> = Object.freeze({
  duplicate_probability: 0,
  reorder_statuses: false,
  batch_size: 1,
  window_mode: 'async',
  bsuid_mode: 'with_phone',
  media_url_in_webhook: false,
  include_conversation: false,
  drop_delivered_when_read: false,
  rate_limit_http_status: 429,
  access_token_expired: false,
  template_page_size: 25,
});

export function applyKnobs(current: SimulatorKnobs, patch: KnobsPatch): SimulatorKnobs {
  const next: SimulatorKnobs = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof SimulatorKnobs, SimulatorKnobs[keyof SimulatorKnobs] | undefined][]) {
    if (value !== undefined) Object.assign(next, { [key]: value });
  }
  return next;
}
