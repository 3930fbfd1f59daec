// Whether the screen is wide enough for two panes (tablets in landscape, desktops): the queue beside a conversation.
import { MediaQuery } from 'svelte/reactivity';

/** 1024 CSS px: a 10" tablet in landscape and every laptop; phones and portrait tablets keep one pane. */
export const twoPanes = new MediaQuery('min-width: 1024px', false);
