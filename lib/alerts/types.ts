// The alert model: what the chat system tells us happened, independent of any messenger.
export const EVENT_TYPES = ["message.submitted", "session.waiting", "session.assigned"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SESSION_CHANNELS = ["web", "app", "kakao", "naver", "other"] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];

export const ALERT_LOCALES = ["ko", "en"] as const;
export type AlertLocale = (typeof ALERT_LOCALES)[number];

/** An inquiry event, already validated at the edge. Every string in it is untrusted text. */
export interface InquiryAlert {
  kind: "event";
  event: EventType;
  /** epoch milliseconds */
  occurredAt: number;
  session: { id: string; url: string; channel: SessionChannel };
  customer: { name: string; email?: string; phone?: string };
  message?: string;
  agent?: { name: string };
  team?: string;
}

/** The 테스트 전송 message; names the destination so the admin sees which one worked. */
export interface TestAlert {
  kind: "test";
  occurredAt: number;
  destinationName: string;
}

/** Several alerts for one destination that arrived faster than its pace: sent as one message. */
export interface DigestAlert {
  kind: "digest";
  occurredAt: number;
  total: number;
  /** the first few, oldest first */
  items: InquiryAlert[];
  /** where the admin sees them all (the delivery log), if the console's address is known */
  moreUrl?: string;
}

/** 실패 알림: a destination was paused (자동 중지) or recovered; sent to the chosen destination. */
export interface NoticeAlert {
  kind: "notice";
  occurredAt: number;
  change: "paused" | "recovered";
  destinationName: string;
  messenger: string;
  reason?: string;
  consoleUrl?: string;
}

export type Alert = InquiryAlert | TestAlert | DigestAlert | NoticeAlert;

/** Workspace settings that shape how an alert reads (설정 > 앱관리 > 상담 안내). */
export interface AlertContext {
  locale: AlertLocale;
  /** IANA zone, e.g. "Asia/Seoul" */
  timeZone: string;
}
