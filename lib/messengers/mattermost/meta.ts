import { defineMeta } from "../definition";

export const mattermostMeta = defineMeta({
  id: "mattermost",
  fields: { channel: { hint: "channelHintMattermost" }, topic: false },
  // Self-hosted: often on an intranet, hence 사내망 주소 허용.
  capabilities: { mentions: true, privateNetwork: true, threads: false },
  badge: { background: "#e8effb", color: "#1e3f8a" },
  chartColor: "#1e6fd9",
  guide: {},
});
