// Times decideRouting on generated agent pools. The budget is 1 ms per decision at 200 agents: routing
// runs inside the request that stores an inbound message, on PocketBase's single JS VM per request.
import { performance } from 'node:perf_hooks';
import { decideRouting } from '../../src/lib/domain/routing/routing-decision';
import type { RoutingAgent, RoutingInput } from '../../src/lib/domain/routing/routing-input';
import { routingSettingsSchema } from '../../src/lib/schemas/routing';
import { seededRandom } from '../../tests/support/seeded-random';

export interface RoutingBenchRow {
  agents: number;
  decisionsPerSecond: number;
  meanMicros: number;
  p99Micros: number;
}

const AGENT_COUNTS = [10, 200, 1000];
const WARMUP = 2_000;
const MEASURED = 20_000;
const now = Date.UTC(2026, 10, 25, 15, 0, 0);

const TEAMS = ['sales', 'billing', 'vip', 'support'];

function agentsFor(count: number, next: () => number): RoutingAgent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `agent${String(i).padStart(5, '0')}`,
    status: next() < 0.6 ? 'online' : next() < 0.5 ? 'away' : 'offline',
    shiftEndsAt: next() < 0.2 ? now + 3_600_000 : null,
    teams: TEAMS.filter(() => next() < 0.4),
    skills: ['billing', 'returns', 'wholesale'].filter(() => next() < 0.3),
    languages: ['en', 'es', 'pt'].filter(() => next() < 0.5),
    maxOpen: next() < 0.3 ? null : 3 + Math.floor(next() * 8),
    openCount: Math.floor(next() * 8),
    lastAssignedAt: now - Math.floor(next() * 3_600_000),
    lastMessageAt: next() < 0.8 ? now - Math.floor(next() * 3_600_000) : null,
  }));
}

// A channel with a realistic handful of rules, including a regex and a language rule.
const settings = routingSettingsSchema.parse({
  newCustomer: { agentsOnline: { teamId: 'sales', algorithm: 'least_chats' } },
  rules: [
    { name: 'Refunds', keywords: ['refund', 'reembolso', 'devolução', 'money back'], teamId: 'billing', skills: ['billing'] },
    { name: 'Order numbers', pattern: 'order\\s*#?\\d{4,10}', addLabels: ['order'] },
    { name: 'Spanish', languages: ['es'], skills: ['es'] },
    { name: 'VIP', vip: true, teamId: 'vip', priority: 'high', stop: true },
    { name: 'Wholesale', attributes: [{ field: 'segment', value: 'wholesale' }], teamId: 'sales', skills: ['wholesale'] },
    { name: 'Night', timeOfDay: { from: 1320, to: 360 }, businessHours: 'outside', teamId: 'support' },
  ],
});

const MESSAGES = [
  'Hello, where is my order #482913? It is URGENT',
  'Hola, buenas tardes, quiero un reembolso por favor',
  'Olá, não recebi o meu pedido ainda 😡',
  'hi',
  'I would like to know if you ship to Canada and how long it takes, thanks!',
];

function inputsFor(agents: RoutingAgent[], next: () => number): RoutingInput[] {
  return Array.from({ length: 64 }, (_, i) => ({
    conversation: {
      id: `c${i}`,
      channelId: 'ch1',
      firstMessageText: MESSAGES[i % MESSAGES.length],
      createdAt: now,
      lastInboundAt: now - Math.floor(next() * 86_000_000),
      previousEscalations: i % 7 === 0 ? 1 : 0,
      labels: [],
    },
    contact: {
      id: `k${i}`,
      ownerId: i % 3 === 0 ? agents[Math.floor(next() * agents.length)].id : null,
      isNew: i % 2 === 0,
      vip: i % 11 === 0,
      labels: [],
      language: null,
      attributes: { segment: i % 5 === 0 ? 'wholesale' : 'retail' },
    },
    agents,
    settings,
    insideBusinessHours: i % 4 !== 0,
    localMinutes: (i * 97) % 1440,
  }));
}

/** Times routing decisions for 10, 200 and 1,000 generated agents. */
export async function benchRouting(): Promise<{ rows: RoutingBenchRow[] }> {
  const rows: RoutingBenchRow[] = [];
  for (const count of AGENT_COUNTS) {
    const next = seededRandom(count);
    const inputs = inputsFor(agentsFor(count, next), next);
    let sink = 0;
    for (let i = 0; i < WARMUP; i++) sink += decideRouting(inputs[i % inputs.length], now, next()).priority;
    const samples = new Float64Array(MEASURED);
    const started = performance.now();
    for (let i = 0; i < MEASURED; i++) {
      const t0 = performance.now();
      const decision = decideRouting(inputs[i % inputs.length], now, next());
      samples[i] = performance.now() - t0;
      sink += decision.priority;
    }
    const elapsedMs = performance.now() - started;
    if (sink < 0) throw new Error('unreachable: keeps the decisions from being optimised away');
    samples.sort();
    const meanMs = samples.reduce((a, b) => a + b, 0) / MEASURED;
    rows.push({
      agents: count,
      decisionsPerSecond: Math.round(MEASURED / (elapsedMs / 1000)),
      meanMicros: Math.round(meanMs * 1000 * 10) / 10,
      p99Micros: Math.round(samples[Math.floor(MEASURED * 0.99)] * 1000 * 10) / 10,
    });
  }
  return { rows };
}
