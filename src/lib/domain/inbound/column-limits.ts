// The sizes of the columns an inbound webhook is written to (the collections migration, pb_migrations/1764000000_*).
// A value past one of them would fail the save of its whole part, every time: the webhook schema refuses it or
// cuts it to fit first (README "How WhatsApp traffic flows" lists which, per field).

export const COLUMN_LIMITS = {
  waId: 32,
  userId: 160,
  profileName: 200,
  username: 100,
  wamid: 300,
  messageType: 40,
  text: 70_000,
  mediaId: 200,
  mediaMime: 200,
  mediaFilename: 500,
  errorTitle: 500,
  /** Bytes of the JSON PocketBase stores (`messages.payload`). */
  payloadBytes: 1_000_000,
  /** Bytes of the JSON PocketBase stores (`messages.pricing`). */
  pricingBytes: 10_000,
  /** Not a column of its own: kept inside `contacts.attributes` and `messages.reactions` (JSON, 100 kB). */
  systemType: 100,
  emoji: 100,
  /** `channels.phone_number_id`: a longer one can never match a channel. */
  phoneNumberId: 64,
  /** A change's `field`, listed in `webhook_events.fields`. */
  field: 100,
} as const;

function isPairAt(value: string, i: number): boolean {
  const high = value.charCodeAt(i);
  const low = value.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Characters as PocketBase counts them (code points: an emoji is one, not two UTF-16 units). */
export function charCount(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    if (isPairAt(value, i)) {
      count--;
      i++;
    }
  }
  return count;
}

/** The first `max` characters of `value` (code points, never half an emoji). */
export function cutToChars(value: string, max: number): string {
  if (value.length <= max) return value;
  let chars = 0;
  let i = 0;
  while (i < value.length && chars < max) {
    i += isPairAt(value, i) ? 2 : 1;
    chars++;
  }
  return value.slice(0, i);
}

// Whitespace (ASCII and Unicode), NUL and the other control and invisible format characters. Never part of a
// phone number or a user id, but a copy of a known id padded with them would look like a new customer.
const ID_NOISE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

/** An id as Meta means it: without surrounding or embedded whitespace, NUL or invisible characters. */
export function stripIdNoise(value: string): string {
  return value.replace(ID_NOISE, '');
}

/**
 * An upper bound of the bytes PocketBase stores for `value` as JSON: Go's encoder writes UTF-8 and escapes
 * `<`, `>`, `&`, U+2028 and U+2029 as six-byte `\uXXXX`, which JSON.stringify leaves as they are.
 */
export function jsonBytesAtMost(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === 0x3c || code === 0x3e || code === 0x26 || code === 0x2028 || code === 0x2029) bytes += 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is four bytes in UTF-8; a lone half becomes U+FFFD, three.
    else bytes += 3;
  }
  return bytes;
}
