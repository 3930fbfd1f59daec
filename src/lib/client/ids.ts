// Client-chosen record ids: PocketBase's format (15 chars of [a-z0-9]), so an offline item keeps its id when it syncs.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 15;
// 252 is the largest multiple of 36 below 256: bytes above it are redrawn so every character is equally likely.
const UNBIASED_LIMIT = 252;

export function newRecordId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(ID_LENGTH))) {
      if (byte < UNBIASED_LIMIT && id.length < ID_LENGTH) id += ALPHABET[byte % ALPHABET.length];
    }
  }
  return id;
}
