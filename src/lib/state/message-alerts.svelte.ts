// The agent's own choice to be pushed about new customer messages in conversations they own. Stored on their
// `agents` row (`notify_new_messages`), so it follows them to every device; changed online only.
import { pb } from '../client/pb';

class MessageAlerts {
  #busy = $state(false);
  #failed = $state(false);
  // The signed-in record is what the server last said; the SDK refreshes it after the agent's own update.
  #on = $state(pb.authStore.record?.notify_new_messages === true);

  constructor() {
    pb.authStore.onChange((_token, record) => (this.#on = record?.notify_new_messages === true));
  }

  get on(): boolean {
    return this.#on;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get failed(): boolean {
    return this.#failed;
  }

  async set(agentId: string, on: boolean): Promise<void> {
    this.#busy = true;
    this.#failed = false;
    try {
      const saved = await pb.collection('agents').update(agentId, { notify_new_messages: on }, { requestKey: null });
      this.#on = saved.notify_new_messages === true;
    } catch {
      this.#failed = true;
    } finally {
      this.#busy = false;
    }
  }
}

export const messageAlerts = new MessageAlerts();
