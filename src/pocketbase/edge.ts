// The small hooks bundle (pb_hooks/edge.js): what the PWA's files and every webhook acknowledgement run. Each pooled
// VM loads a bundle on first use; the full one (app.js) takes ~100 ms to load, most of it building zod schemas, so
// the hot paths load only this one and reach for app.js only when they apply an event themselves. An
// acknowledgement checks only the signature (parts are validated when applied), so this bundle holds no zod.

export { handleAppShell } from './app-shell-middleware';
export { handleWebhookPost, handleWebhookVerify } from './webhook';
