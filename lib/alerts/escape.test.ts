import { describe, expect, it } from "vitest";
import {
  breakLinkSyntax,
  breakMentions,
  fitLength,
  jandiEscape,
  mattermostEscape,
  plainEscape,
  safeLinkTarget,
  singleLine,
  slackEscape,
  stripControls,
  truncate,
  ZWSP,
} from "./escape";

const Z = ZWSP;

describe("truncate", () => {
  it("leaves short text alone and cuts long text to exactly max characters ending in …", () => {
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("abcd", 3)).toBe("ab…");
    expect([...truncate("가".repeat(5_000), 1_000)].length).toBe(1_000);
    expect(truncate("가".repeat(5_000), 1_000)).toBe(`${"가".repeat(999)}…`);
  });

  it("counts emoji as one character and never cuts one in half", () => {
    expect(truncate("😀😀😀", 3)).toBe("😀😀😀");
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
  });

  it("returns nothing for a limit below one", () => {
    expect(truncate("abc", 0)).toBe("");
  });
});

describe("fitLength", () => {
  it("bounds UTF-16 length and never leaves half a surrogate pair", () => {
    expect(fitLength("abc", 3)).toBe("abc");
    expect(fitLength("abcdef", 4)).toBe("abc…");
    const cut = fitLength("a😀b", 3); // "a" + high surrogate would be 2 units; the emoji is dropped whole
    expect(cut).toBe("a…");
    expect(cut.length).toBeLessThanOrEqual(3);
    expect(fitLength("😀".repeat(3_000), 3_000).length).toBeLessThanOrEqual(3_000);
    expect(fitLength("x", 0)).toBe("");
  });
});

describe("stripControls and singleLine", () => {
  it("drops control and bidi-override characters but keeps newlines and tabs", () => {
    expect(stripControls("a\u0000b\u202Ec\u2066d\r\ne\tf")).toBe("abcd\ne\tf");
  });

  it("turns a name into one trimmed line of at most 200 characters", () => {
    expect(singleLine("  홍\n\n시간: 가짜\t\u2028x  ")).toBe("홍 시간: 가짜 x");
    expect([...singleLine("이".repeat(500))].length).toBe(200);
    expect(singleLine("abcdef", 4)).toBe("abc…");
  });
});

describe("mention and link breaking", () => {
  it("puts a zero-width space after every < and every @ outside an e-mail address, after a letter too", () => {
    expect(breakMentions("<!channel> @here (@all) x-@channel 홍@here 확인@all")).toBe(
      `<${Z}!channel> @${Z}here (@${Z}all) x-@${Z}channel 홍@${Z}here 확인@${Z}all`,
    );
  });

  it("leaves an e-mail address intact, so it still works when copied out of the messenger", () => {
    expect(breakMentions("minji@example.com, hong_gd@example.co.kr")).toBe("minji@example.com, hong_gd@example.co.kr");
    expect(breakMentions("minji@example.com")).not.toContain(Z);
  });

  it("puts a zero-width space after every [, ], ( and )", () => {
    expect(breakLinkSyntax("![i](u)")).toBe(`![${Z}i]${Z}(${Z}u)${Z}`);
  });

  it("plain and Jandi escaping do both", () => {
    const expected = `[${Z}x]${Z}(${Z}http://e)${Z} @${Z}all <${Z}b`;
    expect(plainEscape("[x](http://e) @all <b")).toBe(expected);
    expect(jandiEscape("[x](http://e) @all <b")).toBe(expected);
  });
});

describe("slackEscape", () => {
  it("escapes exactly &, < and > (and & first, so nothing is double-escaped)", () => {
    expect(slackEscape("<!channel> & <http://e|x> *b* _i_ @here")).toBe("&lt;!channel&gt; &amp; &lt;http://e|x&gt; *b* _i_ @here");
    expect(slackEscape("&lt;")).toBe("&amp;lt;");
  });
});

describe("mattermostEscape", () => {
  it("backslash-escapes every Markdown punctuation character of the spec", () => {
    expect(mattermostEscape("\\ ` * _ { } [ ] ( ) # + - . ! | >")).toBe(
      "\\\\ \\` \\* \\_ \\{ \\} \\[ \\] \\( \\) \\# \\+ \\- \\. \\! \\| \\>",
    );
  });

  it("also escapes = and ~ (setext headings, strikethrough) and leaves letters, digits and Korean", () => {
    expect(mattermostEscape("a\n===\n~~s~~ 가1")).toBe("a\n\\=\\=\\=\n\\~\\~s\\~\\~ 가1");
  });

  it("breaks mentions after escaping, since backslashes do not stop them", () => {
    expect(mattermostEscape("<!channel> @all ![i](http://e/i.png)")).toBe(`<${Z}\\!channel\\> @${Z}all \\!\\[i\\]\\(http://e/i\\.png\\)`);
  });
});

describe("safeLinkTarget", () => {
  it("keeps a normal URL as is", () => {
    expect(safeLinkTarget("https://chat.example.com/ws/sessions/s123?a=1&b=2#m-4")).toBe(
      "https://chat.example.com/ws/sessions/s123?a=1&b=2#m-4",
    );
    expect(safeLinkTarget("https://[fd00::1]:8443/s/1")).toBe("https://[fd00::1]:8443/s/1");
  });

  it("encodes characters that could end a Markdown or Slack link early", () => {
    expect(safeLinkTarget("https://chat.example.com/a)(b|c")).toBe("https://chat.example.com/a%29%28b%7Cc");
    expect(safeLinkTarget("https://chat.example.com/?q=<x> y")).toBe("https://chat.example.com/?q=%3Cx%3E%20y");
  });

  it("leaves no mention, link, code or line break a messenger could parse, and no user info", () => {
    const hostile = "HTTPS://Chat.Example.com/s/@here/[x](http://e)/*b*/_i_/~s~/`c`/a\\b?q=@all&r=<!channel>#@channel";
    const target = safeLinkTarget(hostile);
    expect(target).toBe(
      "https://chat.example.com/s/%40here/%5Bx%5D%28http://e%29/%2Ab%2A/_i_/~s~/%60c%60/a/b?q=%40all&r=%3C%21channel%3E#%40channel",
    );
    expect(target).not.toMatch(/[@<>|[\]()*`\s]/);
    expect(safeLinkTarget("https://chat.example.com@evil.example/s")).toBe("https://evil.example/s");
    expect(safeLinkTarget("https://chat.example.com/가 나")).toBe("https://chat.example.com/%EA%B0%80%20%EB%82%98");
  });

  it("never throws, even for a value that is not a URL", () => {
    expect(safeLinkTarget("not a url (x)")).toBe("not%20a%20url%20%28x%29");
    expect(() => safeLinkTarget("\uD800bad")).not.toThrow();
  });
});
