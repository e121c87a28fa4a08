import { describe, expect, it } from "vitest";
import type { DigestAlert, InquiryAlert, NoticeAlert } from "@/lib/alerts/types";
import { DIGEST_ITEMS, groupMessage, groupSize } from "./digest";

const inquiry = (n: number): InquiryAlert => ({
  kind: "event",
  event: "message.submitted",
  occurredAt: n,
  session: { id: `s_${n}`, url: `https://chat.example.com/s/${n}`, channel: "web" },
  customer: { name: `고객 ${n}` },
  message: "배송 문의드립니다",
});
const notice: NoticeAlert = { kind: "notice", occurredAt: 0, change: "paused", destinationName: "slack", messenger: "slack" };
const opts = { now: 5_000, moreUrl: "https://alimi.example/deliveries?destination=dst_1" };
// As claimed: only the first DIGEST_ITEMS carry their payload.
const claimed = (count: number) => Array.from({ length: count }, (_, n) => (n < DIGEST_ITEMS ? JSON.stringify(inquiry(n)) : null));

describe("which due alerts go out together", () => {
  it.each<[string, string[], number]>([
    ["all of them", ["message.submitted", "session.waiting", "session.assigned"], 3],
    ["one alone", ["message.submitted"], 1],
    ["a system message alone when it is first", ["system.destination_paused", "message.submitted"], 1],
    [
      "the alerts before a system message, without it",
      ["message.submitted", "session.waiting", "system.destination_recovered", "message.submitted"],
      2,
    ],
    ["nothing of nothing", [], 0],
  ])("%s", (_, events, size) => expect(groupSize(events)).toBe(size));
});

describe("the message for a group", () => {
  it("is the alert itself when it is alone", () => {
    expect(groupMessage([JSON.stringify(inquiry(1))], opts)).toEqual({ alert: inquiry(1), digest: false });
    expect(groupMessage([JSON.stringify(notice)], opts)).toEqual({ alert: notice, digest: false });
  });

  it("is a digest (새 문의 N건) of the first ten, oldest first, counting every alert", () => {
    const { alert, digest } = groupMessage(claimed(37), opts);
    expect(digest).toBe(true);
    expect(alert).toEqual<DigestAlert>({
      kind: "digest",
      occurredAt: 5_000,
      total: 37,
      items: Array.from({ length: 10 }, (_, n) => inquiry(n)),
      moreUrl: opts.moreUrl,
    });
  });

  it("shows every alert of a small group", () => {
    const { alert } = groupMessage(claimed(2), opts);
    expect(alert).toMatchObject({ kind: "digest", total: 2, items: [inquiry(0), inquiry(1)] });
  });

  it("shows no more than ten even when more payloads were read", () => {
    const payloads = Array.from({ length: 15 }, (_, n) => JSON.stringify(inquiry(n)));
    expect((groupMessage(payloads, opts).alert as DigestAlert).items).toHaveLength(10);
  });
});
