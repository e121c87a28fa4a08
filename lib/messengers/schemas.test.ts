import { describe, expect, it } from "vitest";
import type { MessengerId } from "./ids";
import { configSchemas } from "./schemas";
import type { WebhookMessengerId } from "./types";
import { maskWebhookUrl } from "./webhook-url";

const strict = { allowLoopback: false };

// The four query- or suffix-shaped messengers: their path and query, as each hands them out.
const TEAMS_PATH = "/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke";
const TEAMS_QUERY = "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbC-dEf_0123456789abcdefghijklmnopqrstuvwxy";
const GCHAT_PATH = "/v1/spaces/AAAAbc123/messages";
const GCHAT_QUERY = "?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=abc_DEF-123%3D";
const DISCORD_PATH = "/api/webhooks/123456789012345678/AbCdEf0123456789_abcdefGHIJ-klmnop";
const DOORAY_PATH = "/services/1234567890123456789/2345678901234567890/AbCdEfGhIjKlMnOpQrStUv";

// Webhook messengers; 이메일's 받는 사람 are tested in email/recipients.test.ts.
const valid: Record<WebhookMessengerId, string[]> = {
  slack: [
    "https://hooks.slack.com/services/T0123ABCD/B0456EFGH/abcdEFGH1234ijklMNOP5678",
    "https://hooks.slack-gov.com/services/T01/B02/xyz",
    "  https://hooks.slack.com/services/T01/B02/xyz  ",
  ],
  mattermost: [
    "https://chat.example.com/hooks/abcdefghijklmnopqrstuvwxyz",
    "http://mm.intra.example:8065/hooks/0123456789abcdefghijklmnop",
    "https://example.com/mattermost/hooks/0123456789abcdefghijklmnop",
  ],
  jandi: ["https://wh.jandi.com/connect-api/webhook/12345678/0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d"],
  hiworks: [
    "https://hooks.hiworks.com/messenger/chat/0123456789abcdef0123456789abcdef",
    "https://hooks.hiworks.com/messenger/chat/0123456789abcdef0123456789abcdef/abc/def",
  ],
  agit: ["https://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"],
  teamroom: ["https://teamroom.nate.com/api/webhook/0a1b2c3d/AbCdEf123456"],
  teams: [`https://prod-12.koreacentral.logic.azure.com:443${TEAMS_PATH}${TEAMS_QUERY}`],
  googlechat: [`https://chat.googleapis.com${GCHAT_PATH}${GCHAT_QUERY}`],
  discord: [`https://discord.com${DISCORD_PATH}`, `https://discordapp.com${DISCORD_PATH}?thread_id=123456789012345678`],
  dooray: [`https://hook.dooray.com${DOORAY_PATH}`],
};

const hostile: Record<WebhookMessengerId, [string, string][]> = {
  slack: [
    ["http://hooks.slack.com/services/T01/B02/xyz", "url.https"],
    ["https://hooks.slack.com.evil.example/services/T01/B02/xyz", "url.host"],
    ["https://evil.example/hooks.slack.com/services/T01/B02/xyz", "url.host"],
    ["https://hooks.slack.com@evil.example/services/T01/B02/xyz", "url.credentials"],
    ["https://user:pw@hooks.slack.com/services/T01/B02/xyz", "url.credentials"],
    ["https://hooks.slack.com:8443/services/T01/B02/xyz", "url.host"],
    ["https://hooks.slack.com/triggers/T01/123/abc", "url.slackWorkflow"],
    ["https://hooks.slack.com/workflows/T01/A02/123/abc", "url.slackWorkflow"],
    ["https://hooks.slack.com/services/T01/B02", "url.path"],
    ["https://hooks.slack.com/services/T01/B02/xyz?x=1", "url.path"],
    ["https://hooks.slack.com/services/T01/B02/x yz", "url.invalid"],
    ["https://hooks.slack.com/services/T01/B02/xyz\nhttps://evil.example", "url.invalid"],
    ["hooks.slack.com/services/T01/B02/xyz", "url.invalid"],
    ["javascript:alert(1)", "url.invalid"],
    [`https://hooks.slack.com/services/T01/B02/${"a".repeat(2048)}`, "url.tooLong"],
    ["", "url.required"],
    ["   ", "url.required"],
  ],
  mattermost: [
    ["ftp://chat.example.com/hooks/abcdefghijklmnopqrstuvwxyz", "url.invalid"],
    ["https://chat.example.com/hooks/short", "url.path"],
    ["https://chat.example.com/hooks/abcdefghijklmnopqrstuvwxyz/extra", "url.path"],
    ["https://chat.example.com@evil.example/hooks/abcdefghijklmnopqrstuvwxyz", "url.credentials"],
    ["https://chat.example.com/plugins/hooks", "url.path"],
  ],
  jandi: [
    ["http://wh.jandi.com/connect-api/webhook/123/abc", "url.https"],
    ["https://wh.jandi.com.evil.example/connect-api/webhook/123/abc", "url.host"],
    ["https://jandi.com/connect-api/webhook/123/abc", "url.host"],
    ["https://wh.jandi.com/connect-api/webhook/team/abc", "url.path"],
    ["https://wh.jandi.com/connect-api/webhook/123", "url.path"],
  ],
  hiworks: [
    ["https://hooks.hiworks.com/other/chat/abc", "url.path"],
    ["https://hooks.hiworks.com/messenger/", "url.path"],
    ["https://evil.example/hooks.hiworks.com/messenger/chat/abc", "url.host"],
  ],
  agit: [
    ["https://agit.io/webhook/not-a-uuid", "url.path"],
    ["https://agit.io.evil.example/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", "url.host"],
    ["http://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", "url.https"],
  ],
  teams: [
    ["https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d", "url.teamsConnectorRetired"],
    [`https://evil-logic.azure.com${TEAMS_PATH}${TEAMS_QUERY}`, "url.host"],
    [`https://logic.azure.com.evil.example${TEAMS_PATH}${TEAMS_QUERY}`, "url.host"],
    [`https://prod-1.logic.azure.com${TEAMS_PATH}`, "url.teamsQuery"],
    [`https://prod-1.logic.azure.com${TEAMS_PATH}${TEAMS_QUERY}&x=1`, "url.teamsQuery"],
  ],
  googlechat: [
    [`https://chat.googleapis.com${GCHAT_PATH}?key=k`, "url.googleChatQuery"],
    [`https://chat.googleapis.com${GCHAT_PATH}${GCHAT_QUERY}&token=again`, "url.googleChatQuery"],
    [`https://chat.googleapis.com.evil.example${GCHAT_PATH}${GCHAT_QUERY}`, "url.host"],
    [`http://chat.googleapis.com${GCHAT_PATH}${GCHAT_QUERY}`, "url.https"],
  ],
  discord: [
    [`https://discord.com${DISCORD_PATH}/slack`, "url.discordFormat"],
    [`https://discord.com${DISCORD_PATH}?thread_id=x`, "url.discordQuery"],
    [`https://ptb.discord.com${DISCORD_PATH}`, "url.host"],
    [`https://discord.com@evil.example${DISCORD_PATH}`, "url.credentials"],
  ],
  dooray: [
    [`https://hook.dooray.com${DOORAY_PATH}?x=1`, "url.path"],
    [`https://hook.dooray.co.kr${DOORAY_PATH}`, "url.host"],
    ["https://hook.dooray.com/services/T01/B02/abc", "url.path"],
  ],
  teamroom: [
    ["https://teamroom.nate.com/api/webhook/zzzz/abc", "url.path"],
    ["https://nate.com/api/webhook/0a1b2c3d/abc", "url.host"],
    ["http://teamroom.nate.com/api/webhook/0a1b2c3d/abc", "url.https"],
  ],
};

function values(messenger: MessengerId, webhookUrl: string, id = "") {
  return {
    id,
    name: "알림",
    webhookUrl,
    enabled: true,
    ...(messenger === "jandi" ? { topic: "고객문의" } : {}),
    ...(messenger === "slack" || messenger === "mattermost" ? { channel: "" } : {}),
    ...(messenger === "mattermost" ? { allowPrivateNetwork: false } : {}),
  };
}

function urlError(messenger: MessengerId, webhookUrl: string, opts = strict) {
  const result = configSchemas[messenger](opts).safeParse(values(messenger, webhookUrl));
  if (result.success) return null;
  return result.error.issues.find((i) => i.path[0] === "webhookUrl")?.message ?? null;
}

describe("webhook URL validation", () => {
  for (const messenger of Object.keys(valid) as WebhookMessengerId[]) {
    it.each(valid[messenger])(`${messenger} accepts %s`, (url) => {
      expect(urlError(messenger, url)).toBeNull();
    });
    it.each(hostile[messenger])(`${messenger} refuses %s`, (url, key) => {
      expect(urlError(messenger, url)).toBe(key);
    });
  }

  it("trims a pasted URL before saving it", () => {
    const parsed = configSchemas.slack(strict).parse(values("slack", " https://hooks.slack.com/services/T1/B2/x \n"));
    expect(parsed.webhookUrl).toBe("https://hooks.slack.com/services/T1/B2/x");
  });

  it("keeps the saved URL when editing with the URL field left empty", () => {
    expect(configSchemas.agit(strict).safeParse(values("agit", "", "dest_1")).success).toBe(true);
    expect(urlError("agit", "")).toBe("url.required");
  });

  it("accepts loopback URLs with the messenger's path shape only when allowed", () => {
    const url = "http://127.0.0.1:4010/services/T01/B02/xyz";
    expect(urlError("slack", url)).toBe("url.https");
    expect(urlError("slack", url, { allowLoopback: true })).toBeNull();
    expect(urlError("slack", "http://localhost:4010/services/T01/B02/xyz", { allowLoopback: true })).toBeNull();
    expect(urlError("slack", "http://127.0.0.1:4010/hooks/x", { allowLoopback: true })).toBe("url.path");
    expect(urlError("slack", "http://10.0.0.1:4010/services/T01/B02/xyz", { allowLoopback: true })).toBe("url.https");
  });

  it.each([
    ["teams", `${TEAMS_PATH}${TEAMS_QUERY}`, TEAMS_PATH, "url.teamsQuery"],
    ["googlechat", `${GCHAT_PATH}${GCHAT_QUERY}`, `${GCHAT_PATH}?key=k`, "url.googleChatQuery"],
    ["discord", `${DISCORD_PATH}?wait=true`, `${DISCORD_PATH}?other=1`, "url.discordQuery"],
    ["dooray", DOORAY_PATH, `${DOORAY_PATH}?x=1`, "url.path"],
  ] as const)("%s on loopback: its path and query accepted, a wrong query refused as on its host", (messenger, good, bad, key) => {
    const loopback = { allowLoopback: true };
    expect(urlError(messenger, `http://127.0.0.1:4010${good}`, loopback)).toBeNull();
    expect(urlError(messenger, `http://localhost:4010${good}`, loopback)).toBeNull();
    expect(urlError(messenger, `http://127.0.0.1:4010${good}`)).toBe("url.https");
    expect(urlError(messenger, `http://127.0.0.1:4010${bad}`, loopback)).toBe(key);
  });
});

describe("other fields", () => {
  it("requires a Jandi topic", () => {
    const result = configSchemas.jandi(strict).safeParse({ ...values("jandi", valid.jandi[0]), topic: " " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["topic"], message: "topic.required" });
  });

  it("requires a name and bounds its length", () => {
    const empty = configSchemas.agit(strict).safeParse({ ...values("agit", valid.agit[0]), name: "  " });
    expect(empty.error?.issues[0].message).toBe("name.required");
    const long = configSchemas.agit(strict).safeParse({ ...values("agit", valid.agit[0]), name: "가".repeat(51) });
    expect(long.error?.issues[0].message).toBe("name.tooLong");
  });

  it("checks channel names in each messenger's own form", () => {
    const slack = (channel: string) => configSchemas.slack(strict).safeParse({ ...values("slack", valid.slack[0]), channel }).success;
    expect(slack("#cs-alerts")).toBe(true);
    expect(slack("고객문의")).toBe(true);
    expect(slack("two words")).toBe(false);
    const mm = (channel: string) =>
      configSchemas.mattermost(strict).safeParse({ ...values("mattermost", valid.mattermost[0]), channel }).success;
    expect(mm("town-square")).toBe(true);
    expect(mm("Town Square")).toBe(false);
  });

  it("rejects values of the wrong type instead of coercing them", () => {
    const result = configSchemas.slack(strict).safeParse({ ...values("slack", valid.slack[0]), enabled: "yes" });
    expect(result.success).toBe(false);
  });
});

describe("maskWebhookUrl", () => {
  it("keeps the host and the last four characters only", () => {
    const masked = maskWebhookUrl("https://hooks.slack.com/services/T0123/B0456/abcdEFGHa1B2");
    expect(masked).toBe("https://hooks.slack.com/…/…a1B2");
    expect(masked).not.toContain("T0123");
  });

  it("takes the tail of the signed query value when the secret is there (Teams, Google Chat)", () => {
    expect(maskWebhookUrl(`https://prod-1.koreacentral.logic.azure.com${TEAMS_PATH}${TEAMS_QUERY}`)).toBe(
      "https://prod-1.koreacentral.logic.azure.com/…/…vwxy",
    );
    expect(maskWebhookUrl(`https://chat.googleapis.com${GCHAT_PATH}${GCHAT_QUERY}`)).toBe("https://chat.googleapis.com/…/…123=");
  });
});

describe("SSRF at save: Mattermost refuses internal addresses", () => {
  const mm = (host: string, opts = strict, allowPrivateNetwork = false) => {
    const result = configSchemas.mattermost(opts).safeParse({
      ...values("mattermost", `http://${host}/hooks/abcdefghijklmnopqrstuvwxyz`),
      allowPrivateNetwork,
    });
    return result.success ? null : result.error.issues.find((i) => i.path[0] === "webhookUrl")?.message;
  };

  it.each([
    ["127.0.0.1", "url.private"],
    ["localhost", "url.private"],
    ["app.localhost", "url.private"],
    ["10.0.0.5", "url.private"],
    ["172.16.3.4", "url.private"],
    ["192.168.0.10", "url.private"],
    ["100.64.1.1", "url.private"],
    ["169.254.169.254", "url.internal"],
    ["224.0.0.1", "url.internal"],
    ["0.0.0.0", "url.internal"],
    ["[::1]", "url.private"],
    ["[fc00::1]", "url.private"],
    ["[fe80::1]", "url.internal"],
    ["[::ffff:127.0.0.1]", "url.private"],
    ["2130706433", "url.private"],
    ["0x7f.1", "url.private"],
    ["127.1", "url.private"],
  ])("refuses %s", (host, key) => {
    expect(mm(host)).toBe(key);
  });

  it("allows an intranet server only when 사내망 주소 허용 is on, and never link-local", () => {
    expect(mm("10.0.0.5", strict, true)).toBeNull();
    expect(mm("192.168.0.10:8065", strict, true)).toBeNull();
    expect(mm("169.254.169.254", strict, true)).toBe("url.internal");
    // Cloud metadata services inside the CGNAT and ULA ranges that 사내망 주소 허용 opens.
    expect(mm("100.100.100.200", strict, true)).toBe("url.internal");
    expect(mm("[fd00:ec2::254]", strict, true)).toBe("url.internal");
    expect(mm("[::ffff:100.100.100.200]", strict, true)).toBe("url.internal");
    expect(mm("[64:ff9b:1::a9fe:a9fe]", strict, true)).toBe("url.internal");
    expect(mm("[2002:a9fe:a9fe::1]", strict, true)).toBe("url.internal");
    expect(mm("100.100.100.201", strict, true)).toBeNull();
    expect(mm("127.0.0.1", strict, true)).toBe("url.private");
    expect(mm("127.0.0.1:4010", { allowLoopback: true })).toBeNull();
  });
});
