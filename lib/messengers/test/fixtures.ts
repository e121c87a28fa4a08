import type { AlertContext, InquiryAlert, TestAlert } from "@/lib/alerts/types";

export const CTX: AlertContext = { locale: "ko", timeZone: "Asia/Seoul" };
export const OCCURRED = Date.parse("2026-11-23T03:12:45Z"); // 12:12:45 in Seoul

export const HOSTILE =
  "<!channel> @here @all [x](http://e.example) ![i](http://e.example/i.png) <http://e.example|click> *b* _i_ # h & < >";

export function inquiry(overrides: Partial<InquiryAlert> = {}): InquiryAlert {
  return {
    kind: "event",
    event: "message.submitted",
    occurredAt: OCCURRED,
    session: { id: "s_123", url: "https://chat.example.com/ws/sessions/s_123", channel: "kakao" },
    customer: { name: "홍길동" },
    message: "배송 문의드립니다",
    ...overrides,
  };
}

export const testAlert: TestAlert = { kind: "test", occurredAt: OCCURRED, destinationName: "CS 슬랙" };

export const res = (status: number, body = "", headers: Record<string, string> = {}) => ({ status, body, headers });
