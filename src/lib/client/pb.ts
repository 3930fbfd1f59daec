// The one PocketBase client. The PWA is served by PocketBase itself, so the API is on the page's own origin.
import PocketBase from 'pocketbase';

export const pb = new PocketBase(typeof window === 'undefined' ? 'http://localhost' : window.location.origin);
// Queue, thread and outbox requests run in parallel on purpose; the SDK would otherwise cancel identical ones.
pb.autoCancellation(false);
