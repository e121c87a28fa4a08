import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT_PATH, safeNextPath } from "./schemas";

// Where a browser would go for each ?next= value matters, not how it looks: browsers drop tabs
// and newlines from URLs, read "\" as "/", and resolve "/../" before they request anything.
describe("safeNextPath: after sign-in, only to a page of this console", () => {
  it.each([
    ["//evil.example", "protocol-relative"],
    ["///evil.example", "three slashes"],
    ["/\\evil.example", "backslash read as a slash"],
    ["\\\\evil.example", "two backslashes"],
    ["/\t/evil.example", "tab dropped by the browser"],
    ["/\n/evil.example", "newline dropped by the browser"],
    ["/\r\n/evil.example", "CRLF"],
    ["/ /evil.example", "space"],
    ["/\u00a0/evil.example", "no-break space"],
    ["/\u2028/evil.example", "line separator"],
    ["/\u200b/evil.example", "zero-width space"],
    ["/\u0000/evil.example", "NUL"],
    ["/\u007f/evil.example", "DEL"],
    ["/..//evil.example", "dot segments that leave //"],
    ["/.//evil.example", "single dot that leaves //"],
    ["/%2e%2e//evil.example", "encoded dot segments that leave //"],
    ["/a/../..//evil.example", "climbing back to //"],
    ["https://evil.example", "absolute URL"],
    ["http://127.0.0.1:3000/settings", "absolute URL to this very host"],
    ["HTTPS://evil.example", "absolute URL, upper case"],
    ["javascript:alert(1)", "javascript: URL"],
    ["JaVaScRiPt:alert(1)", "javascript: URL, mixed case"],
    ["/\u3000/evil.example", "ideographic space"],
    ["/\ufeff/evil.example", "byte order mark"],
    ["/\ud800/evil.example", "lone surrogate"],
    [" /settings", "leading space"],
    ["settings", "relative path"],
    ["", "empty"],
    ["?next=//evil.example", "query only"],
    ["#frag", "fragment only"],
    ["data:text/html,<script>alert(1)</script>", "data: URL"],
    ["/\v/evil.example", "vertical tab"],
  ])("refuses %j (%s)", (input) => {
    expect(safeNextPath(input)).toBe(DEFAULT_NEXT_PATH);
  });

  it.each([undefined, null, 42, ["/settings"], { toString: () => "/settings" }])("refuses a non-string %j", (input) => {
    expect(safeNextPath(input)).toBe(DEFAULT_NEXT_PATH);
  });

  it.each([
    ["/settings/integrations/alerts", "/settings/integrations/alerts"],
    ["/deliveries?status=failed&page=2", "/deliveries?status=failed&page=2"],
    ["/settings/api-keys#new", "/settings/api-keys"],
    ["/", "/"],
    ["/%09/evil.example", "/%09/evil.example"], // an encoded tab stays a path segment on this site
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"], // an encoded slash is not a slash
    ["/%0a/evil.example", "/%0a/evil.example"], // nor is an encoded newline dropped
    ["/%5Cevil.example", "/%5Cevil.example"], // nor an encoded backslash a slash
    ["/settings/../deliveries", "/deliveries"],
    ["/설정", "/%EC%84%A4%EC%A0%95"],
    ["/deliveries?q=a+b", "/deliveries?q=a+b"],
  ])("keeps %j as %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it("refuses something absurdly long", () => {
    expect(safeNextPath(`/${"a".repeat(5_000)}`)).toBe(DEFAULT_NEXT_PATH);
  });
});
