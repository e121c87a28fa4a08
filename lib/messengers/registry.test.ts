import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ko from "@/messages/ko.json";
import { defineMessenger } from "./define-messenger";
import { MESSENGER_IDS } from "./ids";
import { type MetaRegistry, messengerMeta } from "./meta";
import { adapters, getAdapter, type MessengerRegistry, messengers } from "./registry";
import { slackAdapter } from "./slack/adapter";
import { slackMeta } from "./slack/meta";

describe("adapter registry", () => {
  it("has exactly one adapter per messenger id", () => {
    expect(Object.keys(adapters).sort()).toEqual([...MESSENGER_IDS].sort());
  });

  it.each(MESSENGER_IDS)("getAdapter(%s) returns the adapter with that id", (id) => {
    const adapter = getAdapter(id);
    expect(adapter.id).toBe(id);
    expect(typeof adapter.buildRequest).toBe("function");
    expect(typeof adapter.classify).toBe("function");
  });
});

describe("one definition per messenger", () => {
  it("the server and browser registries hold the same messengers, with the same meta", () => {
    expect(Object.keys(messengers)).toEqual([...MESSENGER_IDS]);
    expect(Object.keys(messengerMeta)).toEqual([...MESSENGER_IDS]);
    for (const id of MESSENGER_IDS) expect(messengers[id].meta).toBe(messengerMeta[id]);
  });

  // An existing destination with its URL left empty skips the URL rule: only the fields are judged.
  const everything = {
    id: "dest_1",
    name: "n",
    webhookUrl: "",
    recipients: "",
    enabled: true,
    channel: "",
    topic: "고객문의",
    allowPrivateNetwork: true,
  };

  it.each(MESSENGER_IDS)("%s: its schema keeps exactly the fields its form shows", (id) => {
    const { fields, capabilities } = messengerMeta[id];
    const kept = Object.keys(messengers[id].configSchema({ allowLoopback: false }).parse(everything)).sort();
    // 받는 사람 (이메일) is stored where the URL is: both leave the schema as webhookUrl.
    const shown = [
      "id",
      "name",
      "webhookUrl",
      "enabled",
      ...(fields.channel !== null ? ["channel"] : []),
      ...(fields.topic ? ["topic"] : []),
      ...(capabilities.privateNetwork ? ["allowPrivateNetwork"] : []),
    ].sort();
    expect(kept).toEqual(shown);
  });

  it("refuses a definition whose form fields and schemas disagree", () => {
    const base = {
      meta: slackMeta,
      url: { hosts: ["hooks.slack.com"], allowHttp: false, path: /^\/x$/ },
      adapter: slackAdapter,
      pace: { intervalMs: 1, burst: 1 },
    };
    expect(() => defineMessenger(base)).toThrow(/meta.fields/);
    expect(() => defineMessenger({ ...base, meta: { ...slackMeta, id: "jandi" } as never })).toThrow();
  });

  it.each(MESSENGER_IDS)("%s: its meta.ts imports nothing but the definition types (it ships to the browser)", (id) => {
    const source = readFileSync(path.join(__dirname, id, "meta.ts"), "utf8");
    const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(imports).toEqual(["../definition"]);
  });

  it.each(MESSENGER_IDS)("%s: an official link exactly when a guide step has a <link>", (id) => {
    const steps = Object.values(ko.guides[id].steps as Record<string, string>);
    expect(messengerMeta[id].guide.link !== undefined).toBe(steps.some((step) => step.includes("<link>")));
  });

  it.each(MESSENGER_IDS)("%s: every hint its errors name exists in the messages", (id) => {
    for (const meaning of Object.values(messengers[id].errors)) expect(ko.test.hints).toHaveProperty(meaning.hint);
  });

  it("globals.css keeps no per-messenger badge rule (badges take their definition's colours)", () => {
    const css = readFileSync(path.join(__dirname, "../../app/globals.css"), "utf8");
    for (const id of MESSENGER_IDS) expect(css).not.toContain(`.badge-${id}`);
  });
});

// Type-level: the registries are typed over the id list. (tsc --noEmit checks these lines.)
// biome-ignore lint/suspicious/noExportsInTest: exported only so tsc keeps checking these lines (unused otherwise)
export function compileChecks() {
  // @ts-expect-error — a messenger without its definition does not compile
  const missing: MessengerRegistry = { slack: messengers.slack };
  // @ts-expect-error — nor does a definition filed under another messenger's id
  const swapped: MessengerRegistry = { ...messengers, slack: messengers.jandi };
  // @ts-expect-error — the same holds for the browser's half
  const swappedMeta: MetaRegistry = { ...messengerMeta, slack: messengerMeta.jandi };
  return [missing, swapped, swappedMeta];
}
