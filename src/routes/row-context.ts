// What a queue row shows besides the conversation itself: label names and colours, channel and assignee names.
import type { DeskDb } from '$lib/client/db';

export interface RowContext {
  labels: Map<string, { name: string; color: string }>;
  /** Channel names, only when the agent sees more than one channel (with one, the chip would say nothing). */
  channels: Map<string, string>;
  agents: Map<string, string>;
}

export const EMPTY_ROW_CONTEXT: RowContext = { labels: new Map(), channels: new Map(), agents: new Map() };

/** Reads the device's directory once per change; rows look names up in the maps. */
export async function loadRowContext(db: DeskDb): Promise<RowContext> {
  const [labels, channels, agents] = await Promise.all([db.labels.toArray(), db.channels.toArray(), db.agents.toArray()]);
  return {
    labels: new Map(labels.map((l) => [l.id, { name: l.name, color: l.color }])),
    channels: channels.length > 1 ? new Map(channels.map((c) => [c.id, c.name || c.display_phone_number])) : new Map(),
    agents: new Map(agents.map((a) => [a.id, a.name])),
  };
}
