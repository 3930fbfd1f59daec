// The sign-in screen's strings, before it renders (the service worker precaches them, so this works offline too).
import { locale } from '$lib/state/locale.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  await locale.load('signIn');
};
