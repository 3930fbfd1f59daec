// The service worker's lifecycle as the agent sees it: a prompt when a new version waits, never a surprise reload.
import { registerSW } from 'virtual:pwa-register';

const CHECK_EVERY_MS = 60 * 60 * 1000;

class AppUpdate {
  #waiting = $state(false);
  #activate: ((reload?: boolean) => Promise<void>) | null = null;

  /** A new version is installed and waits for the agent's go-ahead. */
  get waiting(): boolean {
    return this.#waiting;
  }

  register(): void {
    if (!('serviceWorker' in navigator) || this.#activate) return;
    // Registering also fetches the worker's script to look for a new version; offline that fetch fails and the
    // browser reports it as an error. The page already runs under the installed worker, so wait for the network.
    if (!navigator.onLine) {
      window.addEventListener('online', () => this.register(), { once: true });
      return;
    }
    this.#activate = registerSW({
      immediate: true,
      onNeedRefresh: () => (this.#waiting = true),
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        // Field phones keep the app open for days: look for a new version now and then.
        setInterval(() => navigator.onLine && void registration.update().catch(() => {}), CHECK_EVERY_MS);
      },
    });
  }

  /** Activates the waiting worker and reloads once it controls the page. */
  async apply(): Promise<void> {
    let reloading = false;
    // vite-plugin-pwa's own reload can miss the switch (its issue 789): listen for the new controller ourselves.
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    });
    await this.#activate?.(true);
  }

  dismiss(): void {
    this.#waiting = false;
  }
}

export const appUpdate = new AppUpdate();
