/**
 * Which IP addresses the fetcher may connect to. The rule is an allowlist in disguise:
 * only global unicast is public. ipaddr.js names the special ranges; a few it calls
 * `unicast` although they can reach private space (IPv4-compatible `::/96`, and
 * anything outside `2000::/3`) are blocked here explicitly (RELIABILITY.md §2.3).
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchError } from './errors.js';

/** How one address was judged. `range` is ipaddr.js's name for it, or ours. */
export interface AddressVerdict {
  /** RFC 5952 text of the address (IPv6 compressed, IPv4 dotted quad). */
  address: string;
  range: string;
  public: boolean;
  /** For IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4, …), that address. */
  embeddedIPv4?: string;
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** Strips the brackets WHATWG URL keeps around IPv6 hostnames. */
export function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** True when `host` (bracketed or not) is an IP literal rather than a name. */
export function isIpLiteral(host: string): boolean {
  return isIP(unbracket(host)) !== 0;
}

/** The IPv4 address an IPv6 form carries in its low 32 bits, for messages. */
function lowIPv4(ip: ipaddr.IPv6): string {
  const p = ip.parts;
  const hi = p[6] ?? 0;
  const lo = p[7] ?? 0;
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
}

function judgeV6(ip: ipaddr.IPv6): AddressVerdict {
  const address = ip.toString();
  const range = ip.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') {
    return { address, range, public: false, embeddedIPv4: lowIPv4(ip) };
  }
  if (range === '6to4') {
    const p = ip.parts;
    const v4 = [(p[1] ?? 0) >> 8, (p[1] ?? 0) & 0xff, (p[2] ?? 0) >> 8, (p[2] ?? 0) & 0xff].join('.');
    return { address, range, public: false, embeddedIPv4: v4 };
  }
  if (range !== 'unicast') return { address, range, public: false };
  // ipaddr.js calls ::/96 (IPv4-compatible, deprecated) unicast; it can carry 127.0.0.1.
  if (ip.parts.slice(0, 6).every((part) => part === 0)) {
    return { address, range: 'ipv4Compatible', public: false, embeddedIPv4: lowIPv4(ip) };
  }
  if (!ip.match(GLOBAL_UNICAST_V6)) return { address, range: 'notGlobalUnicast', public: false };
  return { address, range, public: true };
}

/**
 * Judges one IP address given as text (brackets allowed). Never throws: text that is
 * not an IP address is reported as range `invalid`, never public.
 */
export function judgeAddress(text: string): AddressVerdict {
  const bare = unbracket(text);
  if (isIP(bare) === 0) return { address: bare, range: 'invalid', public: false };
  const ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv6') return judgeV6(ip as ipaddr.IPv6);
  const range = (ip as ipaddr.IPv4).range();
  return { address: ip.toString(), range, public: range === 'unicast' };
}

/** Names that mean "this machine" and never go to DNS (RFC 6761 §6.3). */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Exact `ip:port` pairs allowed although private (test configuration). */
export type AddressAllowlist = ReadonlySet<string>;

/** `"127.0.0.1:8080"` or `"[::1]:8080"` → a canonical key; throws on anything else. */
function allowKey(address: string, port: number): string {
  return `${ipaddr.parse(unbracket(address)).toString()}|${port}`;
}

/** Builds the allowlist from `ip:port` strings (IPv6 in brackets). */
export function makeAllowlist(entries: readonly string[] = []): AddressAllowlist {
  const keys = new Set<string>();
  for (const entry of entries) {
    const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(entry.trim());
    if (!match || !isIpLiteral(match[1] ?? '')) {
      throw new TypeError(`allowAddresses entry "${entry}" is not an ip:port pair`);
    }
    keys.add(allowKey(match[1] ?? '', Number(match[2])));
  }
  return keys;
}

/** The policy the connect path applies to every address it is about to use. */
export interface AddressPolicy {
  allowPrivate: boolean;
  allowlist: AddressAllowlist;
}

/** The error naming the blocked address and its range. */
export function blockedAddressError(verdict: AddressVerdict, host: string): FetchError {
  const embedded = verdict.embeddedIPv4 === undefined ? '' : `, carrying ${verdict.embeddedIPv4}`;
  const via = unbracket(host) === verdict.address ? '' : ` (${host} resolves there)`;
  return new FetchError(
    'FETCH_BLOCKED_ADDRESS',
    `Blocked address ${verdict.address}${via}: range ${verdict.range}${embedded} is not public; only global unicast addresses may be fetched`,
    { detail: { address: verdict.address, range: verdict.range } },
  );
}

/**
 * Throws FETCH_BLOCKED_ADDRESS unless `address` may be connected to on `port`: public,
 * or private with `allowPrivate`, or listed exactly in the allowlist.
 */
export function assertAddressAllowed(address: string, port: number, host: string, policy: AddressPolicy): void {
  const verdict = judgeAddress(address);
  if (verdict.public || (policy.allowPrivate && verdict.range !== 'invalid')) return;
  if (verdict.range !== 'invalid' && policy.allowlist.has(allowKey(verdict.address, port))) return;
  throw blockedAddressError(verdict, host);
}
