import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { MESSENGER_IDS } from "../ids";
import { messengers } from "../registry";

// Every messenger's names as the product spells them (design notes), and a text in both languages
// for every hint its definition names (the compiler checks Korean; this checks English too).
const NAMES = {
  slack: "슬랙(Slack)",
  mattermost: "매터모스트(Mattermost)",
  jandi: "잔디(Jandi)",
  hiworks: "하이웍스(Hiworks)",
  agit: "아지트(Agit)",
  teamroom: "팀룸(Teamroom)",
  teams: "팀즈(Microsoft Teams)",
  googlechat: "구글 챗(Google Chat)",
  discord: "디스코드(Discord)",
  dooray: "두레이(Dooray!)",
  email: "이메일",
} satisfies Record<(typeof MESSENGER_IDS)[number], string>;

describe.each(MESSENGER_IDS)("%s messages", (id) => {
  it("has the specified Korean name", () => {
    expect(ko.messengers[id].name).toBe(NAMES[id]);
  });

  it("has a Korean and an English text for every hint its errors name", () => {
    for (const { hint } of Object.values(messengers[id].errors)) {
      expect([hint, Boolean(ko.test.hints[hint]), Boolean(en.test.hints[hint])]).toEqual([hint, true, true]);
    }
  });
});
