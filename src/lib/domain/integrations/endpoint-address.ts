// Where an integration may send (server-side request forgery): http(s) only, never to this machine or a private
// network unless the operator allows it. Checked when an admin saves a URL and again by the worker on the address
// the host name resolves to at send time (a public name can point at 127.0.0.1).

export type UrlCheck =
  { ok: true; scheme: 'http' | 'https'; host: string } | { ok: false; reason: 'invalid-url' | 'unsupported-scheme' | 'credentials-in-url' | 'private-address' };

const URL_PATTERN = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([/?#].*)?$/;

function hostOf(authority: string): string | null {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](:\d{1,5})?$/.exec(authority);
  if (bracketed) return bracketed[1].toLowerCase();
  const plain = /^([^:[\]]+)(:\d{1,5})?$/.exec(authority);
  return plain ? plain[1].toLowerCase().replace(/\.$/, '') : null;
}

/** Checks an endpoint URL as written; `allowPrivate` is POCKETDESK_ALLOW_PRIVATE_WEBHOOKS. */
export function checkEndpointUrl(url: string, allowPrivate: boolean): UrlCheck {
  const match = URL_PATTERN.exec(url.trim());
  if (!match || url.length > 2000) return { ok: false, reason: 'invalid-url' };
  const scheme = match[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, reason: 'unsupported-scheme' };
  if (match[2].includes('@')) return { ok: false, reason: 'credentials-in-url' };
  const host = hostOf(match[2]);
  if (!host || !/^[a-z0-9.:_-]+$/.test(host)) return { ok: false, reason: 'invalid-url' };
  if (!allowPrivate && isPrivateHost(host)) return { ok: false, reason: 'private-address' };
  return { ok: true, scheme, host };
}

/** Host names and literal addresses that lead to this machine or a private network. */
export function isPrivateHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  // Browsers and resolvers read 2130706433, 0x7f.1 and 127.1 as IPv4 addresses: treat every all-numeric host as one.
  if (/^(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+))*$/.test(host) && !/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')) return !isPublicAddress(host);
  return false;
}

function ipv4Parts(address: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function isPublicIpv4([a, b]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast/reserved
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
  if (a === 169 && b === 254) return false; // link-local (cloud metadata services live here)
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0) return false; // IETF protocol assignments and TEST-NET-1 share 192.0.0.0/16 here
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  return true;
}

/** Whether an IP address (v4 or v6, as a resolver returns it) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const v4 = ipv4Parts(address);
  if (v4) return isPublicIpv4(v4);
  const lower = address.toLowerCase();
  if (!lower.includes(':')) return false;
  const mapped = /^(?:0*:)*:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower) ?? /^::(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (mapped) {
    const parts = ipv4Parts(mapped[1]);
    return parts !== null && isPublicIpv4(parts);
  }
  if (lower === '::' || lower === '::1' || /^0*(:0*)*:0*1$/.test(lower)) return false;
  const first = parseInt(lower.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (lower.startsWith('64:ff9b:') || lower.startsWith('2001:db8:')) return false; // NAT64, documentation
  return true;
}
