import { describe, expect, it } from "vitest";
import { isIpLiteral, RESTRICTED_RANGES, type RestrictedKind, restrictedKind } from "./ip-ranges";

const hostOf = (url: string) => new URL(url).hostname;

// One row per range: an address inside is that kind; the nearest one outside is not (it is
// public, or the neighbouring range's kind).
const ROWS: [cidr: string, kind: RestrictedKind, inside: string, outside: string, outsideKind: RestrictedKind | null][] = [
  ["100.100.100.200/32", "metadata", "100.100.100.200", "100.100.100.201", "cgnat"],
  ["fd00:ec2::254/128", "metadata", "fd00:ec2::254", "fd00:ec2::255", "private"],
  ["0.0.0.0/8", "unspecified", "0.255.255.255", "1.0.0.0", null],
  ["::/128", "unspecified", "::", "::1", "loopback"],
  ["127.0.0.0/8", "loopback", "127.255.255.254", "128.0.0.0", null],
  ["::1/128", "loopback", "0:0:0:0:0:0:0:1", "::2", "reserved"],
  ["169.254.0.0/16", "link-local", "169.254.169.254", "169.255.0.0", null],
  ["fe80::/10", "link-local", "febf:ffff::1", "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", null],
  ["224.0.0.0/4", "multicast", "239.255.255.255", "223.255.255.255", null],
  ["ff00::/8", "multicast", "ff02::1", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
  ["192.0.0.0/24", "reserved", "192.0.0.8", "192.0.1.0", null],
  ["192.0.2.0/24", "reserved", "192.0.2.1", "192.0.3.0", null],
  ["192.88.99.0/24", "reserved", "192.88.99.1", "192.88.100.0", null],
  ["198.18.0.0/15", "reserved", "198.19.255.255", "198.20.0.0", null],
  ["198.51.100.0/24", "reserved", "198.51.100.7", "198.51.101.0", null],
  ["203.0.113.0/24", "reserved", "203.0.113.9", "203.0.114.0", null],
  ["240.0.0.0/4", "reserved", "255.255.255.255", "239.255.255.255", "multicast"],
  ["::/96", "reserved", "::a00:1", "::1:0:0", null],
  ["::ffff:0:0:0/96", "reserved", "::ffff:0:7f00:1", "::fffe:0:0:0", null],
  ["64:ff9b::/96", "reserved", "64:ff9b::a9fe:a9fe", "64:ff9b::1:0:0", null],
  ["64:ff9b:1::/48", "reserved", "64:ff9b:1:ffff::1", "64:ff9b:2::", null],
  ["2002::/16", "reserved", "2002:a9fe:a9fe::1", "2003::1", null],
  ["2001::/32", "reserved", "2001:0:4136:e378::1", "2001:1::1", null],
  ["100::/64", "reserved", "100::1", "100:0:0:1::1", null],
  ["fec0::/10", "reserved", "fec0::1", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "link-local"],
  ["2001:db8::/32", "reserved", "2001:db8::1", "2001:db9::1", null],
  ["3fff::/20", "reserved", "3fff:fff::1", "3fff:1000::1", null],
  ["100.64.0.0/10", "cgnat", "100.127.255.254", "100.128.0.0", null],
  ["10.0.0.0/8", "private", "10.255.255.255", "11.0.0.0", null],
  ["172.16.0.0/12", "private", "172.31.255.255", "172.32.0.0", null],
  ["192.168.0.0/16", "private", "192.168.1.1", "192.169.0.0", null],
  ["fc00::/7", "private", "fdff:ffff::1", "fe00::1", null],
];

describe("restricted addresses (SSRF)", () => {
  it.each(ROWS)("%s is %s: %s inside, %s outside", (_cidr, kind, inside, outside, outsideKind) => {
    expect(restrictedKind(inside)).toBe(kind);
    expect(restrictedKind(outside)).toBe(outsideKind);
    expect(outsideKind).not.toBe(kind);
  });

  it("has a row for every range, and every row is a range", () => {
    const ranges = RESTRICTED_RANGES.flatMap(({ kind, cidrs }) => cidrs.map((cidr) => `${cidr} ${kind}`));
    expect(ROWS.map(([cidr, kind]) => `${cidr} ${kind}`).sort()).toEqual(ranges.sort());
  });

  it.each([
    ["::ffff:100.100.100.200", "metadata"],
    ["::ffff:6464:64c8", "metadata"],
    ["FD00:EC2:0:0:0:0:0:254", "metadata"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
    ["::FFFF:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["[::1]", "loopback"],
    ["fe80::1%eth0", "link-local"],
    ["[fe80::1%25eth0]", "link-local"],
    ["::ffff:192.0.2.1", "reserved"],
    ["::ffff:100.64.0.1", "cgnat"],
  ])("IPv4-mapped and other spellings: %s is %s", (ip, kind) => {
    expect(restrictedKind(ip)).toBe(kind);
  });

  it("sees through the URL parser's odd IPv4 spellings, and the same spellings given bare", () => {
    for (const host of ["2130706433", "0x7f.1", "127.1", "0177.0.0.1", "0x7f000001"]) {
      expect([host, restrictedKind(hostOf(`http://${host}/hooks/x`))]).toEqual([host, "loopback"]);
      expect([host, restrictedKind(host)]).toEqual([host, "loopback"]);
    }
    expect(restrictedKind(hostOf("http://0x64.0x64.0x64.0xc8/hooks/x"))).toBe("metadata");
    expect(restrictedKind(hostOf("http://[::ffff:127.0.0.1]/hooks/x"))).toBe("loopback");
    expect(restrictedKind(hostOf("http://[0:0:0:0:0:0:0:1]/hooks/x"))).toBe("loopback");
    expect(restrictedKind(hostOf("http://[fd00:ec2::254]/hooks/x"))).toBe("metadata");
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "2a00:1450:4001::200e"])("%s is public", (ip) => {
    expect(restrictedKind(ip)).toBeNull();
  });

  it("ignores host names: those are checked after DNS resolution", () => {
    expect(restrictedKind("chat.example.com")).toBeNull();
    expect(restrictedKind("cafe.babe")).toBeNull();
    expect(isIpLiteral("chat.example.com")).toBe(false);
    expect(isIpLiteral("[::1]")).toBe(true);
    expect(isIpLiteral("10.0.0.1")).toBe(true);
  });
});
