// The customer editor, owner picker and data requests speak the admin screens' words (field errors included).
import { locale } from '$lib/state/locale.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  await locale.load('thread', 'admin');
};
