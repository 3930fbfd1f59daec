// A single-page app: PocketBase serves index.html for every route and the browser renders everything.
import { locale } from '$lib/state/locale.svelte';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

// Every screen reads the core strings: nothing renders before they are here.
export const load: LayoutLoad = async () => {
  await locale.load('core');
};
