import { describe, expect, it } from "vitest";
import { hostMatches } from "../webhook-url";
import { discordEscape, doorayEscape, googleChatTextEscape, isPlainEmail, quoteImitations, teamsEscape } from "./escape";
import { Z } from "./test-fixtures";

describe("card escapes keep e-mail addresses copyable", () => {
  it.each([teamsEscape, discordEscape, doorayEscape])("%o adds nothing inside a.b@c.example or minji@example.com", (escapeText) => {
    expect(escapeText("연락처 minji@example.com")).toBe("연락처 minji@example.com");
    expect(escapeText("a.b@c.example")).toContain("a.b@c.example");
  });

  it("Teams leaves an underscore between letters alone, breaks one that could open emphasis", () => {
    expect(teamsEscape("john_doe _x_")).toBe(`john_doe _${Z}x_${Z}`);
  });

  it("only plain addresses are sent unescaped as exact values", () => {
    expect(isPlainEmail("gil_dong+cs@example.co.kr")).toBe(true);
    for (const bad of ["_x_@e.example", "[a](b)@e.example", "<b>@e.example", "a@b", "@here", "a*b*@e.example"])
      expect(isPlainEmail(bad)).toBe(false);
  });

  it("Google Chat's text fallback breaks <users/all> and its formatting marks", () => {
    expect(googleChatTextEscape("<users/all> *b* _i_ ~s~ `c`")).toBe(`<${Z}users/all> *${Z}b*${Z} _${Z}i_${Z} ~${Z}s~${Z} \`${Z}c\`${Z}`);
  });
});

describe("quoteImitations", () => {
  it("quotes a line that starts like one of our link lines, in any language or spacing", () => {
    expect(quoteImitations("안녕\n상담 열기: https://evil\n  Open conversation: x")).toBe(
      "안녕\n│ 상담 열기: https://evil\n│   Open conversation: x",
    );
    expect(quoteImitations("상담을 열기 전에")).toBe("상담을 열기 전에");
  });
});

describe("hostMatches", () => {
  const hosts = [".logic.azure.com", "chat.googleapis.com"];
  it.each([
    ["prod-12.koreacentral.logic.azure.com", true],
    ["a.logic.azure.com", true],
    ["chat.googleapis.com", true],
    ["logic.azure.com", false],
    ["evil-logic.azure.com", false],
    ["logic.azure.com.evil.com", false],
    ["a..logic.azure.com", false],
    ["-a.logic.azure.com", false],
    ["x.chat.googleapis.com", false],
  ])("%s → %s", (host, ok) => {
    expect(hostMatches(host, hosts)).toBe(ok);
  });
});
