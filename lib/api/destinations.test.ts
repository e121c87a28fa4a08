import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/destinations/route";
import { setDestinationEnabled } from "@/db/queries/destinations";
import { saveSettings } from "@/db/queries/settings";
import { useTempDatabase } from "@/db/test/temp-db";
import { createApiKey } from "@/lib/api-keys";
import { destinationsSchema } from "./response-schemas";
import { addDestination, SECRET_URLS } from "./test-support";

// GET /api/v1/destinations through its Next route handler, on a real SQLite file.

const get = (headers: Record<string, string>) => GET(new Request("http://localhost/api/v1/destinations", { headers }));

describe("GET /api/v1/destinations", () => {
  useTempDatabase();

  it("lists every destination with its rules, and no URL, channel or secret", async () => {
    const { key } = createApiKey("chat");
    const slack = addDestination("전체", SECRET_URLS[0], null, "#cs-secret-room");
    const agit = addDestination("카톡 cs", SECRET_URLS[1], { events: ["session.waiting"], channels: ["kakao"], teams: ["cs", "vip"] });
    setDestinationEnabled(agit.id, false);
    saveSettings({ notifySessionAssigned: false });
    const res = await get({ authorization: `Bearer ${key}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    for (const secret of [...SECRET_URLS, "hooks.slack.com", "agit.io", "cs-secret-room", "xoxSecretToken123"])
      expect(text).not.toContain(secret);
    const json = destinationsSchema.parse(JSON.parse(text));
    expect(json).toEqual({
      destinations: [
        {
          id: slack.id,
          name: "전체",
          messenger: "slack",
          enabled: true,
          paused: false,
          routing: {
            events: ["message.submitted", "session.waiting", "session.assigned"],
            channels: ["web", "app", "kakao", "naver", "other"],
            teams: [],
          },
        },
        {
          id: agit.id,
          name: "카톡 cs",
          messenger: "agit",
          enabled: false,
          paused: false,
          routing: { events: ["session.waiting"], channels: ["kakao"], teams: ["cs", "vip"] },
        },
      ],
      workspace: { events: { "message.submitted": true, "session.waiting": true, "session.assigned": false } },
    });
  });

  it("401 in the API's envelope without a valid key; a signed GET (empty body) is accepted once", async () => {
    const { row, signingSecret } = createApiKey("chat");
    for (const headers of [{}, { authorization: "Bearer alm_live_nope" }] as Record<string, string>[]) {
      const res = await get(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="alimi"');
      expect(await res.json()).toMatchObject({ error: { code: "unauthorized", message: expect.any(String) } });
    }
    const ts = String(Math.floor(Date.now() / 1000));
    const signed = {
      "x-alimi-key-id": row.prefix,
      "x-alimi-timestamp": ts,
      "x-alimi-signature": `v1=${createHmac("sha256", signingSecret).update(`${ts}.`).digest("hex")}`,
    };
    expect((await get(signed)).status).toBe(200);
    expect((await get(signed)).status).toBe(401);
  });
});
