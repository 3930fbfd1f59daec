// The channel strings, before the opening-hours screen renders.
import { locale } from '$lib/state/locale.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  await locale.load('channels');
};
