// A key's IP allow-list: addresses and CIDR ranges, IPv4 or IPv6, matched against the client
// address as the server derives it (auth/client-address.ts: the socket's peer, or the
// X-Forwarded-For entry written by the trusted proxies).
import { BlockList, isIP } from "node:net";

/** An IPv4 client seen on an IPv6 socket (`::ffff:10.0.0.7`) is matched as IPv4. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

type Entry = { address: string; family: "ipv4" | "ipv6"; prefix?: number };

/** One entry of an allow-list, or null when it is neither an address nor a CIDR range. */
export function parseAllowListEntry(text: string): Entry | null {
  const [rawAddress, rawPrefix, ...rest] = text.trim().split("/");
  if (rest.length || !rawAddress) return null;
  const address = plainAddress(rawAddress);
  const version = isIP(address);
  if (!version) return null;
  const family = version === 4 ? "ipv4" : "ipv6";
  if (rawPrefix === undefined) return { address, family };
  if (!/^\d{1,3}$/.test(rawPrefix)) return null;
  const prefix = Number(rawPrefix);
  return prefix <= (version === 4 ? 32 : 128) ? { address, family, prefix } : null;
}

/** Whether a client address may use the key: true for an empty list. */
export type AddressCheck = (clientAddress: string) => boolean;

/** The check of a stored allow-list (its entries were validated when the key was issued). */
export function allowListCheck(entries: readonly string[]): AddressCheck {
  if (!entries.length) return () => true;
  const list = new BlockList();
  for (const text of entries) {
    const entry = parseAllowListEntry(text);
    if (!entry) continue;
    if (entry.prefix === undefined) list.addAddress(entry.address, entry.family);
    else list.addSubnet(entry.address, entry.prefix, entry.family);
  }
  return (clientAddress) => {
    const address = plainAddress(clientAddress);
    const version = isIP(address);
    return !!version && list.check(address, version === 4 ? "ipv4" : "ipv6");
  };
}
