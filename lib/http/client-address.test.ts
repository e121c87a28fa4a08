import { describe, expect, it } from "vitest";
import { parseConfig, type TrustProxy } from "@/lib/env";
import { normaliseAddress, resolveClientAddress } from "./client-address";

const trust = (value: string): TrustProxy => parseConfig({ TRUST_PROXY: value }).trustProxy;

describe("resolveClientAddress", () => {
  // [TRUST_PROXY, socket address, X-Forwarded-For, expected client address, why]
  it.each([
    // Default: the header is the client's own words and is never read.
    ["", "203.0.113.7", undefined, "203.0.113.7", "no header"],
    ["", "203.0.113.7", "198.51.100.1", "203.0.113.7", "a forged header is ignored"],
    ["", "203.0.113.7", "198.51.100.1, 10.0.0.1", "203.0.113.7", "a forged chain is ignored"],
    ["0", "::ffff:203.0.113.7", "198.51.100.1", "203.0.113.7", "IPv4-mapped socket address"],
    ["", "2001:DB8:0:0::1", undefined, "2001:db8::1", "IPv6 in its shortest form"],
    ["", undefined, "198.51.100.1", "unknown", "no socket address: the header is still not read"],

    // A hop count: the Nth from the right, the socket being the 0th.
    ["1", "10.0.0.2", "198.51.100.1", "198.51.100.1", "one proxy: what it appended"],
    ["1", "10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1", "one proxy: the client's own prefix is skipped"],
    ["1", "10.0.0.2", "6.6.6.6,198.51.100.1", "198.51.100.1", "no space after the comma"],
    ["2", "10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.9", "198.51.100.1", "two proxies"],
    ["2", "10.0.0.2", "198.51.100.1", "198.51.100.1", "fewer entries than hops: the leftmost"],
    ["1", "10.0.0.2", undefined, "10.0.0.2", "no header behind a proxy: the socket"],
    ["1", "10.0.0.2", "", "10.0.0.2", "an empty header"],
    ["1", "10.0.0.2", "not-an-ip", "10.0.0.2", "garbage where the client should be: stop at the proxy"],
    ["2", "10.0.0.2", "198.51.100.1, <script>", "10.0.0.2", "garbage from the nearer proxy"],
    ["1", "10.0.0.2", "::ffff:198.51.100.1", "198.51.100.1", "IPv4-mapped in the header"],
    ["1", "10.0.0.2", "[2001:db8::7]:4711", "2001:db8::7", "bracketed IPv6 with a port"],
    ["1", "10.0.0.2", "198.51.100.1:4711", "198.51.100.1", "IPv4 with a port"],

    // Trusted proxy addresses: walk from the right past them.
    ["10.0.0.0/8", "10.0.0.2", "198.51.100.1", "198.51.100.1", "socket is a trusted proxy"],
    ["10.0.0.0/8", "203.0.113.7", "198.51.100.1", "203.0.113.7", "socket not trusted: the header is not read"],
    ["10.0.0.0/8", "10.0.0.2", "6.6.6.6, 198.51.100.1, 10.1.2.3", "198.51.100.1", "two trusted hops"],
    ["10.0.0.0/8", "10.0.0.2", "10.0.0.5, 10.1.2.3", "10.0.0.5", "all trusted: the leftmost"],
    ["10.0.0.0/8", "::ffff:10.0.0.2", "198.51.100.1", "198.51.100.1", "IPv4-mapped socket matches an IPv4 range"],
    ["::ffff:10.0.0.0/104", "10.0.0.2", "198.51.100.1", "198.51.100.1", "an IPv4-mapped range matches IPv4"],
    ["127.0.0.1, ::1", "::1", "2001:db8::9", "2001:db8::9", "IPv6 loopback proxy"],
    ["fd00::/8", "fd00::2", "2001:db8::9, fd12::1", "2001:db8::9", "IPv6 range"],
    ["10.0.0.0/8", "10.0.0.2", "198.51.100.1, bogus, 10.1.2.3", "10.1.2.3", "garbage stops the walk at the last trusted"],
    ["10.0.0.0/8", "10.0.0.2", ["6.6.6.6", "198.51.100.1"], "198.51.100.1", "a repeated header"],
  ] as [string, string | undefined, string | string[] | undefined, string, string][])(
    "TRUST_PROXY=%j socket=%j X-Forwarded-For=%j → %j (%s)",
    (proxy, socket, header, expected) => {
      expect(resolveClientAddress(socket, header, trust(proxy))).toBe(expected);
    },
  );
});

describe("normaliseAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["::FFFF:203.0.113.7", "203.0.113.7"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["[::1]", "::1"],
    ["unknown", null],
    ["", null],
    [undefined, null],
    ["203.0.113.7.evil", null],
    ["1.2.3.4\n", "1.2.3.4"],
    ["x".repeat(1000), null],
  ])("%j → %j", (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });
});
