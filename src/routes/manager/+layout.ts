// The board, dashboard and audit strings, before any manager screen renders.
import { locale } from '$lib/state/locale.svelte';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async () => {
  await locale.load('manager', 'thread');
};
