// Which IP addresses Alimi must never connect to for a webhook (SSRF): loopback, private,
// link-local (cloud metadata), CGNAT, multicast, unspecified, and their IPv6 equivalents,
// including IPv4-mapped IPv6. Pure TypeScript so the same check runs in the browser form.

type Range = { bytes: number[]; prefix: number; kind: RestrictedKind };
export type RestrictedKind = "loopback" | "private" | "link-local" | "cgnat" | "multicast" | "unspecified" | "reserved";

export function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

export function parseIPv6(input: string): number[] | null {
  let text = input.replace(/^\[|\]$/g, "").toLowerCase();
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (!/^[0-9a-f:.]+$/.test(text) || !text.includes(":")) return null;
  // A trailing dotted IPv4 (e.g. ::ffff:127.0.0.1) becomes two hextets.
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = parseIPv4(tail);
    if (!v4) return null;
    text = `${text.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const hextets = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (hextets.length !== 8 || hextets.some((h) => !/^[0-9a-f]{1,4}$/.test(h))) return null;
  return hextets.flatMap((h) => [parseInt(h, 16) >> 8, parseInt(h, 16) & 0xff]);
}

const v4 = (a: number, b: number, c: number, d: number, prefix: number, kind: RestrictedKind): Range => ({ bytes: [a, b, c, d], prefix, kind });
const v6 = (hex: string, prefix: number, kind: RestrictedKind): Range => ({ bytes: parseIPv6(hex)!, prefix, kind });

const V4_RANGES: Range[] = [
  v4(0, 0, 0, 0, 8, "unspecified"),
  v4(10, 0, 0, 0, 8, "private"),
  v4(100, 64, 0, 0, 10, "cgnat"),
  v4(127, 0, 0, 0, 8, "loopback"),
  v4(169, 254, 0, 0, 16, "link-local"),
  v4(172, 16, 0, 0, 12, "private"),
  v4(192, 0, 0, 0, 24, "reserved"),
  v4(192, 168, 0, 0, 16, "private"),
  v4(198, 18, 0, 0, 15, "reserved"),
  v4(224, 0, 0, 0, 4, "multicast"),
  v4(240, 0, 0, 0, 4, "reserved"),
];

const V6_RANGES: Range[] = [
  v6("::", 128, "unspecified"),
  v6("::1", 128, "loopback"),
  v6("fc00::", 7, "private"),
  v6("fe80::", 10, "link-local"),
  v6("ff00::", 8, "multicast"),
  v6("64:ff9b::", 96, "reserved"),
  v6("2001:db8::", 32, "reserved"),
];

function inRange(bytes: number[], range: Range): boolean {
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (range.bytes[i] & mask)) return false;
  }
  return true;
}

/** The kind of restricted address `ip` is, or null for an ordinary public address (or not an IP). */
export function restrictedKind(ip: string): RestrictedKind | null {
  const four = parseIPv4(ip);
  if (four) return V4_RANGES.find((r) => inRange(four, r))?.kind ?? null;
  const six = parseIPv6(ip);
  if (!six) return null;
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses are their IPv4 selves.
  const zeros = six.slice(0, 10).every((b) => b === 0);
  if (zeros && ((six[10] === 0xff && six[11] === 0xff) || (six[10] === 0 && six[11] === 0 && six.slice(12).some((b) => b)))) {
    const mapped = six.slice(12);
    if (!(six[10] === 0 && six[11] === 0 && mapped[0] === 0 && mapped[1] === 0 && mapped[2] === 0 && mapped[3] <= 1)) {
      return V4_RANGES.find((r) => inRange(mapped, r))?.kind ?? null;
    }
  }
  return V6_RANGES.find((r) => inRange(six, r))?.kind ?? null;
}

export function isIpLiteral(host: string): boolean {
  return parseIPv4(host) !== null || parseIPv6(host) !== null;
}
