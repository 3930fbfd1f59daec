// The queue loads its rows' actions through this module: Vite writes a dynamic import's list of dependencies into
// the importing file, and the row actions' list would otherwise ride in the queue's first download.
export const loadRowActions = () => import('./RowActions.svelte').then((module) => module.default);
