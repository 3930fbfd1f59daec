// Stops the PocketBase that global setup started (both run in Playwright's main process).
export default async function globalTeardown(): Promise<void> {
  await globalThis.__pocketdeskE2e?.stop();
  globalThis.__pocketdeskE2e = undefined;
}
