import { describe, expect, it } from "vitest";
import { safeLinkTarget, ZWSP } from "@/lib/alerts/escape";
import { MESSENGER_IDS as ALL_IDS } from "./ids";
import { adapters } from "./registry";
import { CTX, HOSTILE, inquiry } from "./test/fixtures";
import type { WebhookMessengerId } from "./types";

// The webhook messengers; 이메일's escaping (HTML) has its own tests in email/mail.test.ts.
const MESSENGER_IDS = ALL_IDS.filter((id): id is WebhookMessengerId => id !== "email");

// The hostile string, as customer name AND message, in every messenger.
const alert = inquiry({ customer: { name: HOSTILE, email: "a@b.example" }, message: HOSTILE });

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/**
 * Everything a messenger would parse as markup, with our own conversation link removed.
 * Slack parses only `text` (blocks carry customer values as plain_text, checked separately).
 */
function renderedText(id: (typeof MESSENGER_IDS)[number]): string {
  const req = adapters[id].buildRequest(alert, { name: "n", webhookUrl: "https://example/x" }, CTX);
  const raw =
    id === "teamroom"
      ? (new URLSearchParams(req.body).get("content") ?? "")
      : id === "slack"
        ? JSON.parse(req.body).text
        : // Mattermost's `fallback` is the plain-text notification line: never parsed as Markdown.
          strings({
            ...JSON.parse(req.body),
            attachments: JSON.parse(req.body).attachments?.map(({ fallback: _, ...a }: Record<string, unknown>) => a),
          }).join("\n");
  return raw.replaceAll(safeLinkTarget("https://chat.example.com/ws/sessions/s_123"), "");
}

describe.each(MESSENGER_IDS)("%s neutralises hostile customer text", (id) => {
  const text = renderedText(id);

  it("cannot ping a channel", () => {
    expect(text).not.toContain("<!channel>");
    if (id === "googlechat") {
      // Google Chat mentions exist only as <users/…>: card text is HTML-escaped, `text` has its < broken.
      expect(text).not.toMatch(/<users\//);
    } else if (id !== "slack") {
      // Slack never parses plain_text, and its mrkdwn fallback has < escaped (spec: nothing else).
      expect(text).not.toMatch(/@(here|all|channel)/);
      expect(text).toContain(`@${ZWSP}here`);
    }
  });

  it("cannot form a link or load an image", () => {
    // Slack's mrkdwn and the plain-text messengers have no [text](url) syntax; Markdown ones do.
    if (["mattermost", "jandi", "teams", "discord", "dooray"].includes(id)) {
      expect(text).not.toContain("[x](");
      expect(text).not.toContain("![i](");
    }
    expect(text).not.toContain("<http://e.example|click>");
  });
});

it("Slack puts customer values only in plain_text objects", () => {
  const body = JSON.parse(adapters.slack.buildRequest(alert, { name: "n", webhookUrl: "https://e/x" }, CTX).body);
  const objects = JSON.stringify(body.blocks).match(/"type":"(plain_text|mrkdwn)"/g) ?? [];
  expect(objects.length).toBeGreaterThan(0);
  expect(objects.every((o) => o.includes("plain_text"))).toBe(true);
});

describe("every messenger", () => {
  it.each(MESSENGER_IDS)("%s carries Korean and emoji intact", (id) => {
    const req = adapters[id].buildRequest(inquiry({ message: "안녕하세요 😀🇰🇷" }), { name: "n", webhookUrl: "https://e/x" }, CTX);
    const text = id === "teamroom" ? (new URLSearchParams(req.body).get("content") ?? "") : req.body;
    expect(text).toContain("안녕하세요 😀🇰🇷");
  });

  it.each(MESSENGER_IDS)("%s truncates a 5,000-character message to 1,000", (id) => {
    const req = adapters[id].buildRequest(inquiry({ message: "가".repeat(5_000) }), { name: "n", webhookUrl: "https://e/x" }, CTX);
    const text = id === "teamroom" ? (new URLSearchParams(req.body).get("content") ?? "") : req.body;
    expect(text).toContain(`${"가".repeat(999)}…`);
    expect(text).not.toContain("가".repeat(1_000));
  });

  it.each(MESSENGER_IDS)("%s keeps the customer's e-mail address exactly as sent, so it works when copied", (id) => {
    const email = "hong.gil-dong+cs@example.co.kr";
    const req = adapters[id].buildRequest(inquiry({ customer: { name: "홍길동", email } }), { name: "n", webhookUrl: "https://e/x" }, CTX);
    const text = id === "teamroom" ? (new URLSearchParams(req.body).get("content") ?? "") : strings(JSON.parse(req.body)).join("\n");
    expect(text).toContain(email);
    expect(text).not.toContain(ZWSP);
  });

  it.each(MESSENGER_IDS)("%s always includes the link to the conversation", (id) => {
    const req = adapters[id].buildRequest(inquiry(), { name: "n", webhookUrl: "https://e/x" }, CTX);
    const text = id === "teamroom" ? (new URLSearchParams(req.body).get("content") ?? "") : req.body;
    expect(text).toContain(safeLinkTarget("https://chat.example.com/ws/sessions/s_123"));
  });
});

// A conversation URL the API would refuse or normalise, as a stored alert might still hold it.
const HOSTILE_URL = "https://chat.example.com/s/@here/[x](http://e.example)/<!channel>|*b*/_i_/~s~?q=@all&r=`c`#a b\n@channel";

describe.each(MESSENGER_IDS)("%s writes a hostile conversation URL inert", (id) => {
  const req = adapters[id].buildRequest(
    inquiry({ session: { id: "s", url: HOSTILE_URL, channel: "web" } }),
    { name: "n", webhookUrl: "https://e/x" },
    CTX,
  );
  const text = id === "teamroom" ? (new URLSearchParams(req.body).get("content") ?? "") : strings(JSON.parse(req.body)).join("\n");

  it("with no mention, link syntax, code or line break left in it", () => {
    expect(text).not.toMatch(/@(here|all|channel)/);
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("[x](");
    expect(text).not.toMatch(/\*b\*|`c`/);
    expect(text).toContain("https://chat.example.com/s/%40here/%5Bx%5D%28http://e.example%29/%3C%21channel%3E%7C%2Ab%2A/");
  });
});
