/** Settings the hooks read from the environment PocketBase was started with. */
export interface HookConfig {
  appSecret: string;
  verifyToken: string;
  /** Largest webhook body accepted; Meta documents 3 MB. */
  maxWebhookBytes: number;
}

export function readConfig(): HookConfig {
  return {
    appSecret: $os.getenv('WHATSAPP_APP_SECRET'),
    verifyToken: $os.getenv('WHATSAPP_VERIFY_TOKEN'),
    maxWebhookBytes: 3 * 1024 * 1024,
  };
}
