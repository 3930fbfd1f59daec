// The JS VM has no btoa/Buffer; customer data exports embed media files, so bytes become base64 here.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648, padded) of a byte array as the VM's `toBytes` returns it. */
export function base64Of(bytes: ArrayLike<number>): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] & 0xff;
    const b = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] & 0xff : 0;
    const chunk = (a << 16) | (b << 8) | c;
    out.push(ALPHABET[(chunk >> 18) & 63], ALPHABET[(chunk >> 12) & 63]);
    out.push(i + 1 < bytes.length ? ALPHABET[(chunk >> 6) & 63] : '=');
    out.push(i + 2 < bytes.length ? ALPHABET[chunk & 63] : '=');
  }
  return out.join('');
}
