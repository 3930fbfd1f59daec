// The customer editor, owner picker and data requests speak the admin screens' words; their field errors the
// channel part's (FieldError).
import { locale } from '$lib/state/locale.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  await locale.load('thread', 'admin', 'channels');
};
