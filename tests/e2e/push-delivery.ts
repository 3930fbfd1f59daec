// Delivers a push through Chromium's DevTools protocol until the service worker has shown a notification.
// In full runs Chromium now and then dropped a delivered push for a few seconds (no notification, no error; the
// same spec passes alone and on repeat). A real push service does not redeliver, so this is a harness measure:
// each extra delivery is printed, and the caller still asserts exactly which notifications are shown.
export async function deliverPushUntilShown(deliver: () => Promise<unknown>, shownCount: () => Promise<number>, attempts = 6): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await deliver();
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if ((await shownCount()) > 0) {
        if (attempt > 1) console.warn(`push shown only after delivery ${attempt}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
