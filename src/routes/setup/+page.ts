// The first-run setup reuses the admin forms and the hours editor: their strings load first.
import { locale } from '$lib/state/locale.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  await locale.load('admin', 'channels');
};
