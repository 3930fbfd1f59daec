const MB = 1024 * 1024;

/** WhatsApp's size limits per media kind (Cloud API §5); larger inbound files are not stored. */
const limits: Record<string, number> = { image: 5 * MB, audio: 16 * MB, video: 16 * MB, document: 100 * MB, sticker: 500 * 1024 };

/** Largest file accepted for a message type. */
export function mediaSizeLimit(type: string): number {
  return limits[type] ?? 16 * MB;
}
