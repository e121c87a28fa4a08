import { defineMeta } from "../definition";

export const googleChatMeta = defineMeta({
  id: "googlechat",
  fields: { channel: null, topic: false },
  // `<users/all>` and `<users/{id}>` in `text` are mentions: broken in customer text. Follow-ups
  // of one conversation share a thread (threadKey per session).
  capabilities: { mentions: true, privateNetwork: false, threads: true },
  badge: { background: "#e6f4ea", color: "#137333" },
  chartColor: "#34a853",
  guide: { link: "https://developers.google.com/workspace/chat/quickstart/webhooks" },
});
