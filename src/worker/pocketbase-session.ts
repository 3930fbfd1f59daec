import { EventSource } from 'eventsource';
import PocketBase from 'pocketbase';

// The SDK's realtime client needs a global EventSource; Node 20 has none (eventsource@4 supports Node 20).
(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

/** Signs the worker in as a superuser and keeps the token fresh. */
export async function openSession(url: string, email: string, password: string): Promise<PocketBase> {
  const pb = new PocketBase(url);
  // Parallel identical requests are normal in a worker: never let the SDK cancel one for another.
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(email, password, { autoRefreshThreshold: 30 * 60 });
  return pb;
}

/** Calls `onChange` for every created or updated record of a collection; the SDK reconnects on its own. */
export async function watchCollection(pb: PocketBase, collection: string, onChange: (record: Record<string, unknown>) => void): Promise<() => Promise<void>> {
  return pb.collection(collection).subscribe('*', (event) => onChange(event.record));
}
