import { defineMeta } from "../definition";

export const emailMeta = defineMeta({
  id: "email",
  // No Webhook URL: 받는 사람, sent through the workspace's 이메일 서버 (설정 › 연동 › 이메일 서버).
  fields: { address: "recipients", channel: null, topic: false },
  // Mail clients parse no mentions, and the HTML part escapes every customer value.
  capabilities: { mentions: false, privateNetwork: false, threads: false },
  badge: { background: "#eef2f7", color: "#334155" },
  chartColor: "#475569",
  guide: {},
});
