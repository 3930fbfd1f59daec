import { expect, signInAs, test } from './fixtures';
import { freshTeam } from './workspace';

// The worker is not running here: the test plays it through its own routes, so each stage the admin sees is certain.
test('an admin on a phone trains the intent model, watches its progress and reads the model card', async ({ page, api, undo }) => {
  // Hybrid routing is desk-wide: an active model (or a queued training a later spec's worker would run) makes the
  // webhook leave new customers to a worker, so the desk gets its settings and models back, pass or fail.
  const settings = (await api.view('intent_settings', 'intentsettings1')).body;
  const models = new Map((await api.list('intent_models')).map((model) => [model.id as string, model.status as string]));
  undo(async () => {
    for (const model of await api.list('intent_models')) {
      const before = models.get(model.id);
      const put =
        before === undefined
          ? await api.delete('intent_models', model.id)
          : before !== model.status
            ? await api.update('intent_models', model.id, { status: before })
            : null;
      if (put && put.status >= 300) throw new Error(`intent model ${model.id}: ${put.status}`);
    }
    const { enabled, min_accuracy, min_confidence } = settings;
    expect((await api.update('intent_settings', 'intentsettings1', { enabled, min_accuracy, min_confidence })).status).toBe(200);
  });
  const { ad, teamId } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  await signInAs(page, ad);
  await page.goto('/admin');
  await page.getByRole('link', { name: /Hybrid routing/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hybrid routing' })).toBeVisible();

  await page.getByLabel('How sure the model must be to route a conversation (%)').fill('70');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect((await api.view('intent_settings', 'intentsettings1')).body).toMatchObject({ min_confidence: 0.7 });

  await page.getByRole('button', { name: 'Train now' }).click();
  await expect(page.getByText('Waiting for the worker to start training…')).toBeVisible();
  const claimed = await api.request('POST', '/api/pocketdesk/worker/claim-intent-training', { workerId: 'e2e' });
  const job = claimed.body.job as { id: string; version: number };
  await api.request('POST', '/api/pocketdesk/worker/intent-training', { id: job.id, progress: 55, stage: 'training' });
  await expect(page.getByText('Training the model…')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute('value', '55');

  const cards = { name: 'Cards', teamId, labels: [] };
  const metrics = {
    accuracy: 0.85,
    heldOut: 20,
    trainingSize: 100,
    corrections: 3,
    intents: 2,
    perIntent: [
      { intent: `${teamId}|`, name: 'Cards', precision: 0.9, recall: 0.8, support: 10 },
      { intent: 'billing|', name: 'Billing', precision: 0.8, recall: 0.9, support: 10 },
    ],
    confusions: [{ actual: 'Cards', predicted: 'Billing', count: 2 }],
  };
  const done = await api.request('POST', '/api/pocketdesk/worker/intent-training', {
    id: job.id,
    outcome: { ok: true, model: {}, targets: { [`${teamId}|`]: cards }, metrics },
  });
  expect(done.body).toMatchObject({ status: 'active' });
  await expect(page.getByText(`Version ${job.version}`)).toBeVisible();
  await expect(page.getByText('Active: routing with it')).toBeVisible();
  await expect(page.getByText('Held-out accuracy 85% on 20 conversations')).toBeVisible();
  await expect(page.getByText('Including 3 corrections by agents')).toBeVisible();
  await expect(page.getByRole('row', { name: /Cards 90% 80% 10/ })).toBeVisible();
  await expect(page.getByText('Cards taken for Billing (2)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train now' })).toBeVisible();

  // Switched off, the model stays active but routes nothing.
  await page.getByLabel('Route with the model').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect((await api.view('intent_settings', 'intentsettings1')).body).toMatchObject({ enabled: false });
});
