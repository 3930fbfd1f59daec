import { performance } from 'node:perf_hooks';
import { checkFaqDraft, faqDraftOf } from '../../src/lib/client/faq-draft';
import { checkRoutingDraft, routingDraftOf } from '../../src/lib/client/routing-draft';
import { measureRouteExtraJs, type PwaSize } from './pwa-size';

export interface AdminSettingsBench {
  routing: { rules: number; keywords: number; medianMs: number; p95Ms: number };
  faq: { entries: number; keywords: number; medianMs: number; p95Ms: number };
  routes: Record<string, PwaSize>;
}

// The biggest settings the schemas allow, checked on every save on the admin's phone before anything is sent.
const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i} palabra`);
const LARGEST_ROUTING = {
  rules: Array.from({ length: 100 }, (_, i) => ({
    name: `Rule ${i}`,
    keywords: words(`k${i}-`, 200),
    pattern: `(refund|devoluci[oó]n) #?\\d{4,8}`,
    languages: ['es', 'en'],
    skills: ['billing'],
  })),
};
const LARGEST_FAQ = {
  enabled: true,
  entries: Array.from({ length: 200 }, (_, i) => ({
    id: `q${i}`,
    keywords: words(`f${i}-`, 100),
    pattern: 'ship(ping)?|env[ií]o',
    answer: { type: 'text', text: 'x'.repeat(1000) },
  })),
};

function timeIt(run: () => unknown, samples: number): { medianMs: number; p95Ms: number } {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 100) / 100;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

/** Device-side check time of the largest routing and FAQ settings, and the JavaScript each admin screen adds. */
export function benchAdminSettings(): AdminSettingsBench {
  const routingDraft = routingDraftOf(LARGEST_ROUTING);
  const context = { teamIds: [], agentIds: [] };
  if (!checkRoutingDraft(routingDraft, context).ok) throw new Error('the largest routing settings should pass');
  const faqDraft = faqDraftOf(LARGEST_FAQ);
  if (!checkFaqDraft(faqDraft).ok) throw new Error('the largest FAQ settings should pass');
  return {
    routing: { rules: 100, keywords: 100 * 200, ...timeIt(() => checkRoutingDraft(routingDraft, context), 30) },
    faq: { entries: 200, keywords: 200 * 100, ...timeIt(() => checkFaqDraft(faqDraft), 30) },
    routes: Object.fromEntries(['/admin', '/admin/channels', '/admin/teams', '/admin/templates'].map((route) => [route, measureRouteExtraJs(route)])),
  };
}
