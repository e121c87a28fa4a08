import { defineMeta } from "../definition";

export const slackMeta = defineMeta({
  id: "slack",
  fields: { channel: { hint: "channelHintSlack" }, topic: false },
  capabilities: { mentions: true, privateNetwork: false, threads: false },
  badge: { background: "#f4ecf7", color: "#611f69" },
  chartColor: "#611f69",
  guide: {},
});
