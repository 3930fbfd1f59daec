import { performance } from 'node:perf_hooks';
import type { ConversationTimeline, TimelineEvent } from '../../src/lib/domain/metrics/conversation-timeline';
import { summarizeConversations } from '../../src/lib/domain/metrics/conversation-summary';
import { seededRandom } from '../../tests/support/seeded-random';

const CONVERSATIONS = 100_000;
const RUNS = 5;
const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 5, 1);
const AGENTS = Array.from({ length: 20 }, (_, i) => `agent-${i}`);

/** A month of conversations shaped like a busy desk: a few exchanges each, most resolved, some reopened or handed over. */
function generateTimelines(count: number, random: () => number): ConversationTimeline[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const timelines: ConversationTimeline[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = START + Math.floor(random() * 30 * DAY);
    const agentId = pick(AGENTS);
    const events: TimelineEvent[] = [{ at: createdAt, kind: 'in' }];
    let at = createdAt + Math.floor(random() * 10 * MINUTE);
    events.push({ at, kind: 'assigned', agentId });
    let firstResponseAt: number | null = null;
    const exchanges = 1 + Math.floor(random() * 4);
    for (let exchange = 0; exchange < exchanges; exchange++) {
      at += Math.floor(random() * 30 * MINUTE);
      events.push({ at, kind: 'out-agent', agentId });
      firstResponseAt ??= at;
      at += Math.floor(random() * 60 * MINUTE);
      events.push({ at, kind: 'in' });
    }
    const resolved = random() < 0.8;
    if (resolved) events.push({ at: at + MINUTE, kind: 'resolved' });
    timelines.push({
      id: `c${i}`,
      channelId: pick(['wa-1', 'wa-2', 'wa-3']),
      teamId: pick(['sales', 'support', 'billing', null]),
      assigneeId: agentId,
      createdAt,
      firstInboundAt: createdAt,
      firstResponseAt,
      resolvedAt: resolved ? at + MINUTE : null,
      resolvedBy: resolved ? (random() < 0.1 ? 'bot' : 'agent') : null,
      reopenCount: random() < 0.05 ? 1 : 0,
      handoverCount: random() < 0.1 ? 1 : 0,
      events,
      csat: resolved && random() < 0.4 ? 1 + Math.floor(random() * 5) : null,
    });
  }
  return timelines;
}

/**
 * Times `summarizeConversations` over 100k generated timelines (a month, wall-clock figures only): one warm-up run,
 * then the median of five, in milliseconds.
 */
export function benchMetrics(): { conversations: number; summarizeMs: number } {
  const timelines = generateTimelines(CONVERSATIONS, seededRandom(20260601));
  const range = { from: START, to: START + 31 * DAY };
  const options = { schedule: null, port: null };
  summarizeConversations(timelines, range, options);
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    summarizeConversations(timelines, range, options);
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return { conversations: timelines.length, summarizeMs: Number((runs[RUNS >> 1] as number).toFixed(1)) };
}
