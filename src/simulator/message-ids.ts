import type { RandomSource } from './random-source';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Meta-shaped identifiers. A counter is mixed into every id so they stay unique even if random draws collide. */
export interface IdFactory {
  /** `wamid.` + base64 of a protobuf-like blob holding the customer number, like real ids. */
  wamid(customerDigits: string): string;
  /** Numeric media id (15–16 digits). */
  mediaId(): string;
  fbtraceId(): string;
  conversationId(): string;
  deliveryId(): string;
  /** Random challenge for the verification handshake: int-like, as Meta sends it. */
  challenge(): string;
}

export function createIdFactory(random: RandomSource): IdFactory {
  let counter = 0;
  const tick = () => (++counter).toString(16).toUpperCase().padStart(6, '0');
  return {
    wamid(customerDigits) {
      const length = String.fromCharCode(customerDigits.length);
      const blob = `\u001c\u0018${length}${customerDigits}\u0015\u0002\u0000\u0011\u0018\u0012${random.hex(14).toUpperCase()}${tick()}\u0000`;
      return `wamid.${Buffer.from(blob, 'latin1').toString('base64')}`;
    },
    mediaId: () => `${random.int(1, 9)}${random.digits(9)}${(++counter).toString().padStart(6, '0')}`,
    fbtraceId: () => random.fromAlphabet(BASE64URL, 23),
    conversationId: () => `${random.hex(26)}${tick()}`.toLowerCase(),
    deliveryId: () => `whd_${tick().toLowerCase()}`,
    challenge: () => `${random.int(1, 9)}${random.digits(9)}`,
  };
}
