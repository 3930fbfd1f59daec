import { keepNewestError, type HealthError } from '../../lib/domain/channels/channel-health';
import type { GraphError } from '../../lib/schemas/webhook';
import { isoDate, jsonField } from '../records';

// A number's health line for admins (issue #19): the errors Meta reported for it in webhooks (value-level `errors[]`
// of any field), newest first, the last few kept on `channels.health`.

export interface ChannelHealth {
  lastErrorAt: string;
  errors: HealthError[];
}

export function healthErrorOf(error: GraphError, at: string): HealthError {
  return { code: error.code, title: (error.title ?? error.message ?? '').slice(0, 200), details: (error.error_data?.details ?? '').slice(0, 500), at };
}

export function recordChannelError(app: core.App, channel: core.Record, error: GraphError, now: number): void {
  const health = jsonField<ChannelHealth | null>(channel, 'health', null) ?? { lastErrorAt: '', errors: [] };
  const at = isoDate(now);
  health.errors = keepNewestError(health.errors ?? [], healthErrorOf(error, at));
  health.lastErrorAt = at;
  channel.set('health', health);
  app.save(channel);
}
