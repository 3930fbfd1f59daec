// Admin forms show field errors in the channel screens' words (FieldError), so both parts load first.
import { locale } from '$lib/state/locale.svelte';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async () => {
  // The agent screen's shift editor uses the settings part's words.
  await locale.load('admin', 'channels', 'settings', 'thread');
};
