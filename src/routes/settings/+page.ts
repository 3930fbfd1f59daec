// The settings screen's strings, before it renders.
import { locale } from '$lib/state/locale.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  await locale.load('settings');
};
