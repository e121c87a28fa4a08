import { defineMeta } from "../definition";

export const jandiMeta = defineMeta({
  id: "jandi",
  fields: { channel: null, topic: true },
  capabilities: { mentions: true, privateNetwork: false, threads: false },
  badge: { background: "#e9f7ef", color: "#186a3b" },
  chartColor: "#1f9d55",
  guide: {},
});
