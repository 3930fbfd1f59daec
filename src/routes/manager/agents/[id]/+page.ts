// A team member's shifts: the shift editor speaks the settings part's words, its weekdays the channel screens'.
import { locale } from '$lib/state/locale.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  await locale.load('settings', 'channels');
  return { agentId: params.id };
};
