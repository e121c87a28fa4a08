import { BlockList, isIP } from "node:net";

// Which IP addresses Alimi must never connect to for a webhook (SSRF), by kind, so callers can
// let an admin allow some kinds (사내망 주소 허용: private and CGNAT) and never others. Matching
// is node:net's BlockList, which also matches IPv4-mapped IPv6 (::ffff:a.b.c.d, in any spelling)
// against the IPv4 ranges. Server-only: the save-time check runs in server actions, the
// send-time check on every address DNS returns (lib/delivery/send.ts).

export type RestrictedKind = "metadata" | "loopback" | "private" | "link-local" | "cgnat" | "multicast" | "unspecified" | "reserved";

/**
 * Checked in this order; the first kind that matches wins, so the narrow cloud-metadata
 * addresses inside CGNAT and ULA space are never mistaken for an allowable intranet address.
 */
export const RESTRICTED_RANGES: readonly { kind: RestrictedKind; cidrs: readonly string[] }[] = [
  // Alibaba Cloud's metadata service (inside CGNAT) and AWS's IPv6 one (inside fc00::/7).
  { kind: "metadata", cidrs: ["100.100.100.200/32", "fd00:ec2::254/128"] },
  { kind: "unspecified", cidrs: ["0.0.0.0/8", "::/128"] },
  { kind: "loopback", cidrs: ["127.0.0.0/8", "::1/128"] },
  // 169.254.169.254 (and fe80::a9fe:a9fe) is the usual cloud metadata service.
  { kind: "link-local", cidrs: ["169.254.0.0/16", "fe80::/10"] },
  { kind: "multicast", cidrs: ["224.0.0.0/4", "ff00::/8"] },
  {
    kind: "reserved",
    cidrs: [
      // IPv4: IETF protocol assignments, documentation, 6to4 relay, benchmarking, class E + broadcast.
      "192.0.0.0/24",
      "192.0.2.0/24",
      "192.88.99.0/24",
      "198.18.0.0/15",
      "198.51.100.0/24",
      "203.0.113.0/24",
      "240.0.0.0/4",
      // IPv6 spellings that embed or translate an IPv4 address (and so could reach any of the
      // above through a gateway): IPv4-compatible, SIIT, NAT64 (well-known and local-use),
      // 6to4, Teredo. Then discard-only, deprecated site-local and documentation space.
      "::/96",
      "::ffff:0:0:0/96",
      "64:ff9b::/96",
      "64:ff9b:1::/48",
      "2002::/16",
      "2001::/32",
      "100::/64",
      "fec0::/10",
      "2001:db8::/32",
      "3fff::/20",
    ],
  },
  { kind: "cgnat", cidrs: ["100.64.0.0/10"] },
  { kind: "private", cidrs: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"] },
];

const LISTS = RESTRICTED_RANGES.map(({ kind, cidrs }) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, prefix] = cidr.split("/");
    list.addSubnet(address, Number(prefix), isIP(address) === 6 ? "ipv6" : "ipv4");
  }
  return { kind, list };
});

/**
 * An IP address in canonical form, or null. Accepts a URL's bracketed IPv6 host and a zone id
 * (`fe80::1%eth0`), and IPv4 in the spellings the WHATWG URL parser accepts (`2130706433`,
 * `0x7f.1`, `127.1`, `0177.0.0.1`), which getaddrinfo would also resolve to that address.
 */
function canonicalIp(text: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const host = text
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const family = isIP(host);
  if (family) return { address: host, family: family === 6 ? "ipv6" : "ipv4" };
  if (!/^[0-9a-fx.]+$/i.test(host)) return null;
  try {
    const parsed = new URL(`http://${host}/`).hostname;
    return isIP(parsed) === 4 ? { address: parsed, family: "ipv4" } : null;
  } catch {
    return null;
  }
}

/** The kind of restricted address `ip` is, or null for an ordinary public address (or not an IP). */
export function restrictedKind(ip: string): RestrictedKind | null {
  const parsed = canonicalIp(ip);
  if (!parsed) return null;
  return LISTS.find(({ list }) => list.check(parsed.address, parsed.family))?.kind ?? null;
}

export function isIpLiteral(host: string): boolean {
  return canonicalIp(host) !== null;
}
