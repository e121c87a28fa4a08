import { describe, expect, it } from "vitest";
import { restrictedKind } from "./ip-ranges";

const hostOf = (url: string) => new URL(url).hostname;

describe("restricted addresses (SSRF)", () => {
  it.each([
    ["127.0.0.1", "loopback"], ["127.1.2.3", "loopback"], ["10.1.2.3", "private"], ["172.16.0.1", "private"],
    ["172.31.255.255", "private"], ["192.168.1.1", "private"], ["169.254.169.254", "link-local"], ["100.64.0.1", "cgnat"],
    ["100.127.255.254", "cgnat"], ["224.0.0.1", "multicast"], ["0.0.0.0", "unspecified"], ["::1", "loopback"], ["::", "unspecified"],
    ["fc00::1", "private"], ["fd12:3456::1", "private"], ["fe80::1", "link-local"], ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"], ["::ffff:7f00:1", "loopback"], ["::ffff:10.0.0.1", "private"], ["::ffff:169.254.169.254", "link-local"],
  ])("%s is %s", (ip, kind) => {
    expect(restrictedKind(ip)).toBe(kind);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (ip) => {
    expect(restrictedKind(ip)).toBeNull();
  });

  it("sees through the URL parser's odd spellings", () => {
    expect(restrictedKind(hostOf("http://2130706433/hooks/x"))).toBe("loopback");
    expect(restrictedKind(hostOf("http://0x7f.1/hooks/x"))).toBe("loopback");
    expect(restrictedKind(hostOf("http://127.1/hooks/x"))).toBe("loopback");
    expect(restrictedKind(hostOf("http://0177.0.0.1/hooks/x"))).toBe("loopback");
    expect(restrictedKind(hostOf("http://[::ffff:127.0.0.1]/hooks/x"))).toBe("loopback");
    expect(restrictedKind(hostOf("http://[0:0:0:0:0:0:0:1]/hooks/x"))).toBe("loopback");
  });

  it("ignores host names: those are checked after DNS resolution", () => {
    expect(restrictedKind("chat.example.com")).toBeNull();
  });
});
