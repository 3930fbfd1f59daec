#!/usr/bin/env node
// `npm start` (demo: simulator + seed) and `npm run serve` (production): builds what is stale, migrates,
// ensures superusers, then supervises PocketBase, the worker and (demo only) the WhatsApp simulator.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { DEMO_PHONE_NUMBER_ID, seedDemo } from './demo-seed.mjs';
import { dirFlags, generatePassword, serveArgs, superuserUpsertArgs } from './pocketbase-args.mjs';
import { pocketBaseBinary, projectRoot } from './pocketbase-paths.mjs';
import { ConfigError, readRuntimeConfig } from './runtime-config.mjs';
import { loadSecretKey } from './secret-key.mjs';
import { StartOutput } from './start-output.mjs';
import { Supervisor } from './supervisor.mjs';

const production = process.argv.includes('--production');
/** Set in main once the data dir is known; before that, lines go straight to the console. */
let output = null;
const say = (line = '') => (output ? output.say(line) : process.stdout.write(`${line}\n`));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Rebuilds an artefact when any of its inputs changed after it was built. The build's own output (hundreds of
 * lines, tsconfig warnings, hints) goes to the log; a failed build shows its last lines.
 */
function buildIfStale(label, artefact, inputs, command, args) {
  const built = existsSync(artefact) ? statSync(artefact).mtimeMs : 0;
  if (built >= Math.max(...inputs.map((input) => newestMtime(join(projectRoot, input))))) return;
  say(`building ${label}…`);
  const run = spawnSync(command, args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: output.verbose ? 'inherit' : 'pipe' });
  const text = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (!output.verbose) output.log(text);
  if (run.status !== 0) {
    const tail = text.trimEnd().split('\n').slice(-25).join('\n');
    throw new Error(`building ${label} failed${tail ? `:\n${tail}` : ''}`);
  }
}

// Every PocketBase run loads the hooks, and their bootstrap checks the stored tokens against the key: all need it.
function pocketbase(config, args) {
  const run = spawnSync(pocketBaseBinary(), args, { encoding: 'utf8', env: { ...process.env, POCKETDESK_SECRET_KEY: config.secretKey } });
  if (run.status !== 0) throw new Error(`pocketbase ${args[0]} failed: ${run.stderr || run.stdout}`);
  return run.stdout;
}

/** VAPID keys from the environment, else generated once and kept in the data dir. */
function vapidKeys(config) {
  if (config.vapid.publicKey) return config.vapid;
  const file = join(config.dataDir, 'vapid.json');
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600 });
  return { ...JSON.parse(readFileSync(file, 'utf8')), subject: config.vapid.subject };
}

/** The admin's superuser: from the environment, or generated on first start and printed once. */
function ensureAdmin(config) {
  if (config.admin) {
    pocketbase(config, superuserUpsertArgs(config, config.admin.email, config.admin.password));
    return null;
  }
  const marker = join(config.dataDir, '.pocketdesk-admin');
  if (existsSync(marker)) return null;
  const admin = { email: 'admin@pocketdesk.local', password: generatePassword(12) };
  pocketbase(config, superuserUpsertArgs(config, admin.email, admin.password));
  writeFileSync(marker, `${admin.email}\n`, { mode: 0o600 });
  return admin;
}

async function waitUntilAnswering(url, name) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not answer on ${url}`);
}

async function superuserToken(url, email, password) {
  const response = await fetch(`${url}/api/collections/_superusers/auth-with-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: email, password }),
  });
  if (!response.ok) throw new Error(`worker sign-in failed: ${response.status}`);
  return (await response.json()).token;
}

async function main() {
  const settings = readRuntimeConfig(process.env, { production });
  mkdirSync(settings.dataDir, { recursive: true });
  output = new StartOutput({
    logFile: join(settings.dataDir, 'logs', 'pocketdesk.log'),
    verbose: process.env.POCKETDESK_VERBOSE === '1' || process.env.POCKETDESK_PB_DEV === '1',
  });
  const config = { ...settings, secretKey: loadSecretKey(settings.dataDir, settings.secretKey) };
  if (!existsSync(pocketBaseBinary())) throw new Error(`PocketBase is not installed at ${pocketBaseBinary()}: run "npm install" (or set POCKETBASE_BIN).`);
  const sources = ['src', 'package.json'];
  buildIfStale('hooks', join(projectRoot, 'pb_hooks', 'app.js'), sources, process.execPath, ['scripts/build-hooks.mjs']);
  buildIfStale('worker and simulator', join(projectRoot, 'build', 'worker.mjs'), sources, process.execPath, ['scripts/build-node.mjs']);
  buildIfStale('PWA', join(config.publicDir, 'index.html'), [...sources, 'static', 'svelte.config.js', 'vite.config.ts'], process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
  ]);

  pocketbase(config, ['migrate', 'up', ...dirFlags(config)]);
  const admin = ensureAdmin(config);
  const worker = { email: 'worker@pocketdesk.internal', password: generatePassword(18) };
  pocketbase(config, superuserUpsertArgs(config, worker.email, worker.password));
  const vapid = vapidKeys(config);

  let shuttingDown = false;
  const supervisor = new Supervisor({
    output,
    onFatal: async (reason) => {
      if (shuttingDown) return;
      shuttingDown = true;
      output.problem(`${reason}; stopping everything.`);
      await supervisor.stopAll();
      process.exit(1);
    },
  });
  const shutdown = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('\nstopping…');
    await supervisor.stopAll();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  supervisor.start('pocketbase', pocketBaseBinary(), serveArgs(config), {
    critical: true,
    // POCKETDESK_TRUSTED_PROXY is applied to PocketBase's settings by the hooks on every start (trusted-proxy.ts).
    env: {
      WHATSAPP_APP_SECRET: config.appSecret,
      WHATSAPP_VERIFY_TOKEN: config.verifyToken,
      VAPID_PUBLIC_KEY: vapid.publicKey,
      POCKETDESK_TRUSTED_PROXY: config.trustedProxy,
      POCKETDESK_SECRET_KEY: config.secretKey,
      // "Check connection" in the app asks the same Graph API the worker sends through.
      WHATSAPP_GRAPH_URL: config.graphUrl,
      WHATSAPP_GRAPH_VERSION: config.graphVersion,
    },
  });
  await waitUntilAnswering(`${config.publicUrl}/api/health`, 'PocketBase');

  const demoLogins = production ? null : await seedDemo(config.publicUrl, await superuserToken(config.publicUrl, worker.email, worker.password));
  const workerEnv = {
    POCKETDESK_URL: config.publicUrl,
    POCKETDESK_WORKER_EMAIL: worker.email,
    POCKETDESK_WORKER_PASSWORD: worker.password,
    WHATSAPP_GRAPH_URL: config.graphUrl,
    WHATSAPP_GRAPH_VERSION: config.graphVersion,
    WHATSAPP_ACCESS_TOKEN: config.accessToken,
    POCKETDESK_SECRET_KEY: config.secretKey,
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: vapid.subject,
  };
  if (config.simulator) {
    supervisor.start('simulator', process.execPath, [join(projectRoot, 'build', 'simulator.mjs')], {
      env: {
        SIMULATOR_PORT: String(config.simulatorPort),
        SIMULATOR_WEBHOOK_URL: `${config.publicUrl}/api/whatsapp/webhook`,
        SIMULATOR_PHONE_NUMBER_ID: DEMO_PHONE_NUMBER_ID,
        WHATSAPP_APP_SECRET: config.appSecret,
        WHATSAPP_ACCESS_TOKEN: config.accessToken,
        WHATSAPP_VERIFY_TOKEN: config.verifyToken,
        WHATSAPP_GRAPH_VERSION: config.graphVersion,
      },
    });
  }
  supervisor.start('worker', process.execPath, [join(projectRoot, 'build', 'worker.mjs')], { env: workerEnv });
  if (config.simulator) await waitUntilAnswering(`http://127.0.0.1:${config.simulatorPort}/_sim/state?webhooks=0`, 'The WhatsApp simulator');

  say('');
  say(`Pocketdesk is running${production ? '' : ' (demo mode)'}:`);
  say(`  agent app      ${config.publicUrl}/`);
  say(`  admin UI       ${config.publicUrl}/_/`);
  say(`  webhook        ${config.publicUrl}/api/whatsapp/webhook`);
  if (config.simulator) say(`  customer phone http://127.0.0.1:${config.simulatorPort}/   (the WhatsApp simulator: play a customer here)`);
  if (admin) say(`  superuser      ${admin.email} / ${admin.password}   (printed once: keep it)`);
  if (demoLogins) for (const login of demoLogins) say(`  demo ${login.role.padEnd(8)}  ${login.email} / ${login.password}   (${login.name})`);
  say(`Logs: ${output.logFile}`);
  say('Press Ctrl-C to stop.');
}

main().catch((error) => {
  const line = `${error instanceof ConfigError ? 'configuration error: ' : ''}${error.message}`;
  if (output) output.problem(line);
  else process.stderr.write(`${line}\n`);
  process.exit(1);
});
