// Runs the Lighthouse 12 CLI against a Chromium that is already open, and reads its report through a schema.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** 12.x, not 13: see STACK.md. Fetched on demand (npx keeps it in its cache) unless LIGHTHOUSE_BIN points at one. */
export const LIGHTHOUSE_VERSION = '12.8.2';

const auditSchema = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number().nullable(),
  scoreDisplayMode: z.string(),
  displayValue: z.string().optional(),
  numericValue: z.number().optional(),
});
const reportSchema = z.object({
  lighthouseVersion: z.string(),
  finalDisplayedUrl: z.string(),
  configSettings: z.object({ formFactor: z.string(), throttlingMethod: z.string() }),
  categories: z.object({
    performance: z.object({ score: z.number().nullable(), auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })) }),
    accessibility: z.object({ score: z.number().nullable(), auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })) }),
  }),
  audits: z.record(z.string(), auditSchema),
});
export type LighthouseReport = z.infer<typeof reportSchema>;

export interface AuditResult {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  /** Total Blocking Time and Largest Contentful Paint in ms (simulated), what the performance score mostly moves with. */
  tbt: number;
  lcp: number;
  /** Weighted audits that did not pass, so the printout says what to fix. */
  findings: { category: 'performance' | 'accessibility'; id: string; title: string; score: number; value: string }[];
  settings: string;
}

function command(): { bin: string; args: string[] } {
  const own = process.env.LIGHTHOUSE_BIN;
  return own ? { bin: own, args: [] } : { bin: 'npx', args: ['-y', `lighthouse@${LIGHTHOUSE_VERSION}`] };
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}:\n${errors.slice(-4000)}`))));
  });
}

function summarize(page: string, report: LighthouseReport): AuditResult {
  const findings: AuditResult['findings'] = [];
  for (const category of ['performance', 'accessibility'] as const) {
    for (const ref of report.categories[category].auditRefs) {
      const audit = report.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
      findings.push({ category, id: audit.id, title: audit.title, score: audit.score, value: audit.displayValue ?? '' });
    }
  }
  const percent = (score: number | null) => Math.round((score ?? 0) * 100);
  return {
    page,
    url: report.finalDisplayedUrl,
    performance: percent(report.categories.performance.score),
    accessibility: percent(report.categories.accessibility.score),
    tbt: Math.round(report.audits['total-blocking-time']?.numericValue ?? 0),
    lcp: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0),
    findings,
    settings: `Lighthouse ${report.lighthouseVersion}, ${report.configSettings.formFactor}, ${report.configSettings.throttlingMethod} throttling`,
  };
}

/**
 * Audits `url` in the Chromium listening on `port` (mobile, simulated throttling: Lighthouse's defaults).
 * `keepStorage` keeps the signed-in session that the browser's profile already holds.
 */
export async function auditPage(
  page: string,
  url: string,
  options: { port: number; outputPath: string; keepStorage: boolean; chromePath: string },
): Promise<AuditResult> {
  const { bin, args } = command();
  const lighthouseArgs = [
    ...args,
    url,
    `--port=${options.port}`,
    '--only-categories=performance,accessibility',
    '--output=json',
    `--output-path=${options.outputPath}`,
    '--quiet',
    ...(options.keepStorage ? ['--disable-storage-reset'] : []),
    // `AUDIT_SAVE_ASSETS=1` keeps each run's trace beside its report (…-0.trace.json), to see what a long task did.
    ...(process.env.AUDIT_SAVE_ASSETS ? ['--save-assets'] : []),
  ];
  const env = { ...process.env, CHROME_PATH: options.chromePath };
  try {
    await run(bin, lighthouseArgs, env);
  } catch (error) {
    // Lighthouse sometimes loses the trace of a load (NO_NAVSTART) and asks to be run again: once.
    console.error(`audit:pwa: ${page}: ${(error as Error).message.split('\n')[1] ?? ''} Running it again.`);
    await run(bin, lighthouseArgs, env);
  }
  const parsed = reportSchema.safeParse(JSON.parse(readFileSync(options.outputPath, 'utf8')));
  if (!parsed.success) throw new Error(`lighthouse report for ${page} has an unexpected shape: ${parsed.error.message}`);
  return summarize(page, parsed.data);
}
