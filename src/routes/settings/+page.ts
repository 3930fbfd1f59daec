// The settings screen's strings, before it renders.
import { locale } from '$lib/state/locale.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  // The shift editor names weekdays and shows schedule field errors in the channel screens' words.
  await locale.load('settings', 'channels');
};
