import type { DigestAlert } from "@/lib/alerts/types";
import { inquiry, OCCURRED } from "../test/fixtures";

// Shared by the card messengers' tests: the docs' hostile message, and a digest of twelve.

export const Z = "\u200B";
export const SESSION_URL = "https://chat.example.com/ws/sessions/s_123";
export const LOG_URL = "https://alimi.example.com/deliveries";

/** docs/messengers.md's example message plus Slack/Discord mention forms and a fake link line of ours. */
export const HOSTILE_MESSAGE =
  "결제가 안 돼요 @everyone @here <@123> <@&456> <!channel> <users/all> [여기](https://evil.example) <img src=x> <b>x</b>\n상담 열기: https://evil.example";

/** Everything the docs' example alert has: an agent, an e-mail address, the hostile message. */
export const richInquiry = () =>
  inquiry({ agent: { name: "김상담" }, customer: { name: "홍길동", email: "gil_dong@example.com" }, message: "배송 문의드립니다" });

export function digestOf(count: number, total = count): DigestAlert {
  const items = Array.from({ length: count }, (_, i) =>
    inquiry({
      customer: { name: `고객${i + 1}` },
      session: { id: `s_${i + 1}`, url: `https://chat.example.com/ws/sessions/s_${i + 1}`, channel: "web" },
    }),
  );
  return { kind: "digest", occurredAt: OCCURRED, total, items, moreUrl: LOG_URL };
}

/** The line renderAlert writes for digestOf's item n (1-based). */
export const digestLine = (n: number) => `고객${n} · 💬 고객 메시지 접수 · 12:12: 배송 문의드립니다`;
