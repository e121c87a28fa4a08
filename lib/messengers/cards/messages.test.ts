import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import discordEn from "../discord/messages.en.json";
import discordKo from "../discord/messages.ko.json";
import { discordMeta } from "../discord/meta";
import doorayEn from "../dooray/messages.en.json";
import doorayKo from "../dooray/messages.ko.json";
import { doorayMeta } from "../dooray/meta";
import googleChatEn from "../googlechat/messages.en.json";
import googleChatKo from "../googlechat/messages.ko.json";
import { googleChatMeta } from "../googlechat/meta";
import teamsEn from "../teams/messages.en.json";
import teamsKo from "../teams/messages.ko.json";
import { teamsMeta } from "../teams/meta";
import type { MessengerMeta } from "./policy";

// The fragments each new messenger brings for messages/*.json: same keys in both languages, the
// Korean names the issue specifies, a text for every hint key and every step the meta names.

type Fragment = { messengers: Record<string, { name: string }>; guides: Record<string, { steps: Record<string, string> }>; test: { hints: Record<string, string> } };
const CASES: [string, Fragment, Fragment, MessengerMeta, string][] = [
  ["teams", teamsKo, teamsEn, teamsMeta, "팀즈(Microsoft Teams)"],
  ["googlechat", googleChatKo, googleChatEn, googleChatMeta, "구글 챗(Google Chat)"],
  ["discord", discordKo, discordEn, discordMeta, "디스코드(Discord)"],
  ["dooray", doorayKo, doorayEn, doorayMeta, "두레이(Dooray!)"],
];

const keys = (value: unknown, prefix = ""): string[] =>
  value && typeof value === "object"
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

describe.each(CASES)("%s messages", (id, koFragment, enFragment, meta, name) => {
  it("has the same keys in Korean and English, and the specified Korean name", () => {
    expect(keys(enFragment).sort()).toEqual(keys(koFragment).sort());
    expect(koFragment.messengers[id].name).toBe(name);
  });

  it("has every guide step the meta counts, and a text for every hint key", () => {
    expect(Object.keys(koFragment.guides[id].steps)).toHaveLength(meta.guide.steps);
    for (const hint of Object.values(meta.hints)) {
      expect([hint, hint in koFragment.test.hints || hint in ko.test.hints, hint in enFragment.test.hints || hint in en.test.hints]).toEqual([hint, true, true]);
    }
  });

  it("links a step to an official page exactly when the meta has one", () => {
    const linked = Object.values(koFragment.guides[id].steps).some((s) => s.includes("<link>"));
    expect(linked).toBe(meta.guide.links.length > 0);
  });
});
