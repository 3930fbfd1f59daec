// Who is signed in. PocketBase's LocalAuthStore keeps the session in localStorage, so it survives restarts.
import PocketBase, { BaseAuthStore, type RecordModel } from 'pocketbase';
import { outbox } from '../client/app-outbox';
import { db } from '../client/db';
import { pb } from '../client/pb';
import { SHIFT_STATUSES, type ShiftStatus } from '../schemas/directory';

export { SHIFT_STATUSES, type ShiftStatus };

export interface Agent {
  id: string;
  name: string;
  email: string;
  role: string;
  status: ShiftStatus;
  teams: string[];
}

function agentOf(record: RecordModel | null): Agent | null {
  if (!record || !pb.authStore.isValid || record.collectionName !== 'agents') return null;
  const status = SHIFT_STATUSES.includes(record.status) ? (record.status as ShiftStatus) : 'offline';
  const teams = Array.isArray(record.teams) ? (record.teams as string[]) : [];
  return { id: record.id, name: record.name ?? '', email: record.email ?? '', role: record.role ?? 'agent', status, teams };
}

class Session {
  #agent = $state<Agent | null>(agentOf(pb.authStore.record));
  #renewed = false;

  constructor() {
    pb.authStore.onChange((_token, record) => (this.#agent = agentOf(record)));
  }

  get agent(): Agent | null {
    return this.#agent;
  }

  async signIn(email: string, password: string): Promise<void> {
    // Authenticate on a throwaway client: the app's store changes only after the device is ready for this agent,
    // since the layout starts syncing the moment it does.
    const probe = new PocketBase(pb.baseURL, new BaseAuthStore());
    const { token, record } = await probe.collection('agents').authWithPassword(email, password, { requestKey: null });
    // A shared phone: what the previous agent had on the device is not this agent's business.
    const owner = await db.meta.get('owner');
    if (owner?.value !== record.id) {
      await db.clearAll();
      await db.meta.put({ key: 'owner', value: record.id });
    }
    this.#renewed = true;
    pb.authStore.save(token, record);
  }

  async signOut(): Promise<void> {
    this.#renewed = false;
    await pb.realtime.unsubscribe().catch(() => {});
    pb.authStore.clear();
    await db.clearAll();
  }

  /** Renews the token and profile once per app start. Only a refusal ends the session: offline keeps it. */
  async renew(): Promise<void> {
    if (!this.#agent || this.#renewed) return;
    try {
      await pb.collection('agents').authRefresh({ requestKey: null });
      this.#renewed = true;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403 || status === 404) pb.authStore.clear();
    }
  }

  /**
   * Ends a session whose token ran out, but only while online: offline, the agent keeps reading and writing
   * on the device, and the outbox waits for the next sign-in of the same agent.
   */
  endIfExpired(): boolean {
    if (!this.#agent || pb.authStore.isValid || !navigator.onLine) return false;
    pb.authStore.clear();
    return true;
  }

  /** Changes the shift at once on screen; the server hears about it through the outbox. */
  async setShift(status: ShiftStatus): Promise<void> {
    const record = pb.authStore.record;
    if (!record || !this.#agent) return;
    pb.authStore.save(pb.authStore.token, { ...record, status });
    await outbox.add({ collection: 'agents', op: 'update', record_id: record.id, conversation: '', data: { status } });
    void outbox.flush();
  }
}

export const session = new Session();
