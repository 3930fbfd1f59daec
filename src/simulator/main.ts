import { readFile } from 'node:fs/promises';
import { EnvError, parseSimulatorEnv, parseTemplatesFile, toSimulatorOptions } from './cli-env';
import { startSimulator } from './server';

// `node build/simulator.mjs`: the local stand-in for Meta's WhatsApp Cloud API, configured from the environment.

async function main(): Promise<void> {
  const env = parseSimulatorEnv(process.env);
  const templates = env.SIMULATOR_TEMPLATES ? parseTemplatesFile(await readFile(env.SIMULATOR_TEMPLATES, 'utf8'), env.SIMULATOR_TEMPLATES) : undefined;
  const simulator = await startSimulator(toSimulatorOptions(env, templates));
  console.log(`WhatsApp simulator listening on ${simulator.url} (phone: ${simulator.url}/, state: ${simulator.url}/_sim/state)`);
  console.log(
    `Delivering webhooks to ${env.SIMULATOR_WEBHOOK_URL}; scripted customers ${env.SIMULATOR_CUSTOMERS}; business phone ${env.SIMULATOR_BUSINESS}; time scale ${env.SIMULATOR_TIME_SCALE}`,
  );

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing the simulator`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
