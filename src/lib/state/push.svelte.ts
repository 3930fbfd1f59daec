// Push notifications on this device as the settings screen shows them. Permission is asked only from a tap.
import { pb } from '../client/pb';
import { currentDevice, deleteSubscription, fetchPublicKey, pushSupport, saveSubscription, vapidKeyBytes } from '../client/push';
import { subscriptionRow } from '../schemas/push';

export type PushState = 'checking' | 'on' | 'off' | 'denied' | 'unsupported' | 'ios-install' | 'unconfigured';

/** How long the push service and the server get to answer a tap before the screen says so and offers Retry. */
export const PUSH_TIME_LIMIT_MS = 20_000;

/** `promise`, or a rejection with `timeout` after `ms` (the browser's subscribe can wait forever without a network). */
function withinTimeLimit<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration();
}

class PushSettings {
  #state = $state<PushState>('checking');
  #busy = $state(false);
  #failed = $state<false | 'error' | 'timeout'>(false);

  get state(): PushState {
    return this.#state;
  }
  get busy(): boolean {
    return this.#busy;
  }
  /** The last tap did not work out: `timeout` when nothing answered in time, `error` otherwise. */
  get failed(): false | 'error' | 'timeout' {
    return this.#failed;
  }

  /** Reads what this device can do and whether it is subscribed; asks nothing. */
  async check(): Promise<void> {
    const support = pushSupport(currentDevice());
    if (support !== 'supported') {
      this.#state = support;
      return;
    }
    if (Notification.permission === 'denied') {
      this.#state = 'denied';
      return;
    }
    const subscription = await (await registration())?.pushManager.getSubscription();
    this.#state = subscription && Notification.permission === 'granted' ? 'on' : 'off';
  }

  /** From a tap: asks permission, subscribes with the server's key and stores the subscription for the agent. */
  async enable(agentId: string): Promise<void> {
    await this.#run(async () => {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        this.#state = permission === 'denied' ? 'denied' : 'off';
        return;
      }
      // The permission prompt waits for a person; what follows waits for machines, so it has a time limit.
      await withinTimeLimit(
        (async () => {
          const key = await fetchPublicKey(pb);
          if (!key) {
            this.#state = 'unconfigured';
            return;
          }
          const ready = await navigator.serviceWorker.ready;
          const subscription = await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: vapidKeyBytes(key) });
          await this.#store(agentId, subscription);
          this.#state = 'on';
        })(),
        PUSH_TIME_LIMIT_MS,
      );
    });
  }

  /** Stops pushes to this device, from the settings screen. */
  async disable(): Promise<void> {
    await this.#run(() => withinTimeLimit(this.#unsubscribe(), PUSH_TIME_LIMIT_MS));
  }

  /** On sign-out: a shared phone must stop buzzing for the agent who left. Quiet and best effort. */
  async forget(): Promise<void> {
    try {
      await this.#unsubscribe();
    } catch {
      // Offline: the browser subscription is gone, so the push service answers 410 and the worker drops the row.
    }
    this.#state = 'checking';
  }

  /**
   * At app start: a subscription the browser still holds is stored again, in case the server lost it (the
   * agent was signed out elsewhere, or the worker dropped it after a failure). Silent and best effort.
   */
  async resync(agentId: string): Promise<void> {
    if (pushSupport(currentDevice()) !== 'supported' || Notification.permission !== 'granted') return;
    try {
      const subscription = await (await registration())?.pushManager.getSubscription();
      if (subscription) await this.#store(agentId, subscription);
    } catch {
      // Offline or signed out: the next start tries again.
    }
  }

  /** The row goes first, so the server stops sending even if the browser lags; the browser's copy goes regardless. */
  async #unsubscribe(): Promise<void> {
    const subscription = await (await registration())?.pushManager.getSubscription();
    if (subscription) {
      try {
        await deleteSubscription(pb, subscription.endpoint);
      } finally {
        await subscription.unsubscribe();
      }
    }
    this.#state = 'off';
  }

  async #store(agentId: string, subscription: PushSubscription): Promise<void> {
    const row = subscriptionRow(agentId, subscription.toJSON(), navigator.userAgent);
    if (!row) throw new Error('unusable push subscription');
    await saveSubscription(pb, row);
  }

  async #run(task: () => Promise<void>): Promise<void> {
    this.#busy = true;
    this.#failed = false;
    try {
      await task();
    } catch (error) {
      this.#failed = error instanceof Error && error.message === 'timeout' ? 'timeout' : 'error';
    } finally {
      this.#busy = false;
    }
  }
}

export const pushSettings = new PushSettings();
