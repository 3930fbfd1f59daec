/** Field-level problems in PocketBase's error shape: `{ field: { code, message } }`. */
export type FieldErrors = Record<string, { code: string; message: string }>;

/** Answers in PocketBase's own error shape so the SDK and the PWA read every refusal the same way. */
export function respondError(e: core.RequestEvent, status: number, reason: string, message: string, data: FieldErrors = {}): void {
  e.json(status, { status, message, reason, data });
}
