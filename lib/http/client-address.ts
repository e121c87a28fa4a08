import { BlockList, isIP } from "node:net";
import type { TrustProxy } from "@/lib/env";

// Who is asking, for the sign-in throttle and the 감사 기록. X-Forwarded-For is written by
// whoever sends the request, so it is read only as far as TRUST_PROXY says the proxies in front
// of us can be trusted; by default only the socket's address counts.
//
// The production server (lib/server/main.ts) works the address out from the socket and puts it
// in CLIENT_ADDRESS_HEADER, always overwriting what the client sent, before Next sees the
// request. Next's code reads only that header, and only when that server said it is in front:
// under `next dev` there is no socket to read, so every request is "unknown" (one shared bucket).

export const CLIENT_ADDRESS_HEADER = "x-alimi-client-address";

// globalThis, not a module variable: the server is bundled apart from Next's copy of this module.
const holder = globalThis as unknown as { __alimiFrontServer?: boolean };

/** Called by the production server: from now on CLIENT_ADDRESS_HEADER is its own, never the client's. */
export function markClientAddressHeaderTrusted(): void {
  holder.__alimiFrontServer = true;
}

/** The client's address from a request's headers, or null without the production server in front. */
export function clientAddressFromHeaders(headers: { get(name: string): string | null }): string | null {
  if (!holder.__alimiFrontServer) return null;
  return headers.get(CLIENT_ADDRESS_HEADER) || null;
}

/** One spelling per address: "::ffff:10.0.0.1" is 10.0.0.1; "[::1]:443" and "10.0.0.1:80" lose the port. Null when not an IP. */
export function normaliseAddress(text: string | undefined): string | null {
  let value = text?.trim().toLowerCase() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const family = isIP(value);
  if (family === 4) return value;
  if (family !== 6) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) return mapped[1];
  try {
    // The URL parser writes IPv6 in its shortest form, so 2001:DB8:0::1 and 2001:db8::1 are one address.
    return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return value; // e.g. a zone id (fe80::1%eth0), which URLs do not carry
  }
}

const blockLists = new WeakMap<TrustProxy, BlockList>();
function trustedProxies(trust: Extract<TrustProxy, { kind: "cidrs" }>): BlockList {
  let list = blockLists.get(trust);
  if (!list) {
    list = new BlockList();
    for (const { address, prefix, family } of trust.cidrs) {
      const mapped = family === "ipv6" ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) : null;
      // An IPv4-mapped range is an IPv4 range: addresses are compared after normaliseAddress.
      if (mapped && prefix >= 96) list.addSubnet(mapped[1], prefix - 96, "ipv4");
      else list.addSubnet(address, prefix, family);
    }
    blockLists.set(trust, list);
  }
  return list;
}

/**
 * The client's address. With a hop count N, the Nth address from the right of X-Forwarded-For
 * plus the socket (the socket is the 0th); with CIDRs, X-Forwarded-For read from the right past
 * every trusted address (and not at all unless the socket is trusted). A list shorter than that
 * gives its leftmost address; something that is not an address ends the walk at the one before.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const socket = normaliseAddress(socketAddress);
  if (!socket) return "unknown";
  if (trust.kind === "none") return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  const chain = [...forwarded.filter((entry) => entry.trim() !== ""), socket];
  const isTrusted =
    trust.kind === "hops"
      ? (_address: string, fromRight: number) => fromRight < trust.hops
      : (address: string) => trustedProxies(trust).check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
  let client = socket;
  for (let fromRight = 0; fromRight < chain.length; fromRight++) {
    const address = normaliseAddress(chain[chain.length - 1 - fromRight]);
    if (!address) break;
    client = address;
    if (!isTrusted(address, fromRight)) break;
  }
  return client;
}
