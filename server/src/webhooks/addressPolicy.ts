import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Why a target was refused; the message is for the admin who typed the URL. */
export class RefusedTarget extends Error {
  constructor(message: string, readonly reason: 'url' | 'address' | 'resolve') {
    super(message);
    this.name = 'RefusedTarget';
  }
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
// ::/96 holds the unspecified address, loopback and the old IPv4-compatible form (::10.0.0.1).
for (const [net, prefix] of [['::', 96], ['fe80::', 10], ['fc00::', 7], ['ff00::', 8], ['64:ff9b::', 96]] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** IPv4 written inside IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 it is. */
const unmapped = (address: string): string => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;

/** Whether an address is loopback, link-local (cloud metadata included), private, unspecified or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const plain = unmapped(address);
  const family = isIP(plain);
  if (family === 0) return true;
  return blocked.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** The rules for where webhooks may go: public addresses, or hosts and addresses the operator allowed. */
export class AddressPolicy {
  private readonly allowed: Set<string>;

  constructor(allowedHosts: readonly string[]) {
    this.allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  }

  /** The URL parsed, when it is an http(s) URL without credentials; else RefusedTarget. */
  parse(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new RefusedTarget('The URL is not a valid address', 'url');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RefusedTarget('Only http and https URLs can receive webhooks', 'url');
    if (url.username || url.password) throw new RefusedTarget('The URL may not carry a user name or password; the signature authenticates us', 'url');
    return url;
  }

  /** Whether `address` may be connected to for `host`. */
  permits(host: string, address: string): boolean {
    return !isPrivateAddress(address) || this.allowed.has(host.toLowerCase()) || this.allowed.has(unmapped(address));
  }

  /** Resolves `host` and returns its addresses if every one is permitted; else RefusedTarget. */
  async resolve(host: string): Promise<{ address: string; family: number }[]> {
    const bare = host.replace(/^\[|\]$/g, '');
    let addresses: { address: string; family: number }[];
    try {
      addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await lookup(bare, { all: true, verbatim: true });
    } catch {
      throw new RefusedTarget(`The host ${bare} could not be resolved`, 'resolve');
    }
    const refused = addresses.find((a) => !this.permits(bare, a.address));
    if (refused) throw new RefusedTarget(`${bare === refused.address ? bare : `${bare} resolves to ${refused.address}, which`} is a private, local or metadata address; webhooks go to public addresses only`, 'address');
    return addresses;
  }
}
