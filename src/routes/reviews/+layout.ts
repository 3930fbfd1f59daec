// The review strings, before the review list or a review renders.
import { locale } from '$lib/state/locale.svelte';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async () => {
  await locale.load('reviews');
};
