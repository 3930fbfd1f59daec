// A single-page app: PocketBase serves index.html for every route and the browser renders everything.
export const ssr = false;
export const prerender = false;
