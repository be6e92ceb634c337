import { BlockList, isIP } from 'node:net';

/**
 * Whose forwarded headers to believe. `false` (the default): nobody's, the client is the peer that
 * connected. A number: that many proxies in front of the server, each appending to the header. A list
 * of addresses and CIDR ranges (`'10.0.0.0/8'`, `'::1'`, `'loopback'`, `'private'`): proxies at those
 * addresses, however many.
 */
export type TrustProxy = false | number | readonly string[];

/** The header the site's proxies write. The other one is ignored: any client can send either. */
export type ProxyHeader = 'x-forwarded-for' | 'forwarded';

/** Named ranges, as in Express's `trust proxy`. */
const NAMED: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};
NAMED.private = [...NAMED.loopback, ...NAMED.linklocal, ...NAMED.uniquelocal];

/**
 * An address as Tencent should get it: an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) as IPv4,
 * no brackets, no port, no zone; undefined for anything that is not an IP address.
 */
export function normalizeIp(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  let address = value.trim();
  if (address.startsWith('"') && address.endsWith('"') && address.length > 1) address = address.slice(1, -1);
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%[\w.-]+$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  const family = isIP(address);
  if (family === 0) return undefined;
  return family === 6 ? address.toLowerCase() : address;
}

/** The addresses a forwarded header names, nearest (last added) first; unreadable entries as undefined. */
function forwardedChain(header: string | undefined, kind: ProxyHeader): (string | undefined)[] {
  if (!header) return [];
  // Bounded: a header of 10,000 entries costs no more than its first 100 from the right.
  const entries = header.split(',').slice(-100).reverse();
  if (kind === 'x-forwarded-for') return entries.map((entry) => normalizeIp(entry));
  return entries.map((element) => {
    const pair = element
      .split(';')
      .map((part) => part.trim())
      .find((part) => /^for=/i.test(part));
    return pair ? normalizeIp(pair.slice(4)) : undefined;
  });
}

/** `trustProxy` as a test of one hop: the peer at `address`, `hop` proxies away from the server. */
export function compileTrust(trust: TrustProxy | undefined): (address: string, hop: number) => boolean {
  if (trust === undefined || trust === false) return () => false;
  if (typeof trust === 'number') {
    if (!Number.isInteger(trust) || trust < 0) throw new TypeError(`trustProxy must be false, a whole number of proxies or a list of addresses, not ${trust}.`);
    return (_address, hop) => hop < trust;
  }
  if (!Array.isArray(trust)) throw new TypeError(`trustProxy must be false, a whole number of proxies or a list of addresses, not ${JSON.stringify(trust)}.`);
  const list = new BlockList();
  for (const entry of (trust as readonly unknown[]).flatMap((item): readonly unknown[] => (typeof item === 'string' && Object.hasOwn(NAMED, item) ? NAMED[item] : [item]))) {
    const [base, bits, extra] = typeof entry === 'string' ? entry.split('/') : [];
    const address = normalizeIp(base);
    const family = address && isIP(address) === 6 ? 'ipv6' : 'ipv4';
    const max = family === 'ipv6' ? 128 : 32;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
    if (!address || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new TypeError(`trustProxy: ${JSON.stringify(entry)} is not an IP address or CIDR range (e.g. '10.0.0.0/8', '::1', 'loopback').`);
    }
    list.addSubnet(address, prefix, family);
  }
  return (address) => list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the peer's, and then, while the address in hand is a trusted proxy, the one
 * that proxy says it was talking to. An entry a trusted proxy wrote that is not an address ends the
 * walk at that proxy: a header never makes up an address. Undefined when the peer's is unknown.
 */
export function clientIp(peer: string | undefined, header: string | undefined, kind: ProxyHeader, trusts: (address: string, hop: number) => boolean): string | undefined {
  let address = normalizeIp(peer);
  if (!address) return undefined;
  const chain = forwardedChain(header, kind);
  for (let hop = 0; hop < chain.length && trusts(address, hop); hop++) {
    const next = chain[hop];
    if (!next) break;
    address = next;
  }
  return address;
}

/**
 * The client's address on a platform that gives no peer address but writes the forwarded header
 * itself (its edge is the first of the `hops` trusted proxies): the entry that edge added, or the
 * one `hops - 1` further back. Undefined when the header does not have it.
 */
export function platformClientIp(header: string | undefined, kind: ProxyHeader, hops: number): string | undefined {
  const chain = forwardedChain(header, kind);
  let address: string | undefined;
  for (let hop = 0; hop < hops && hop < chain.length; hop++) {
    const next = chain[hop];
    if (!next) break;
    address = next;
  }
  return address;
}
