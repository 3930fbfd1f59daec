// Training a desk's intent model as an admin does (Train now) and waiting for the worker's outcome: shared by the
// hybrid-routing, gate and expected-complexity integration tests.
import { expect } from 'vitest';
import type { Api } from './api';
import { eventually } from './stack';

/** Queues a training as `admin` and returns model `version`'s row once the worker has finished with it. */
export async function trainIntentModel(admin: Api, root: Api, version: number): Promise<any> {
  expect((await admin.request('POST', '/api/pocketdesk/intents/train', {})).status).toBe(202);
  return eventually(
    async () => {
      const [row] = await root.list('intent_models', `version = ${version}`);
      return row && ['active', 'trained', 'failed'].includes(row.status) ? row : null;
    },
    `model version ${version} trained`,
    90_000,
  );
}
