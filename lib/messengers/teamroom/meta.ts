import { defineMeta } from "../definition";

export const teamroomMeta = defineMeta({
  id: "teamroom",
  fields: { channel: null, topic: false },
  // Nothing is documented about how it renders text: assume mentions, and break them.
  capabilities: { mentions: true, privateNetwork: false, threads: false },
  badge: { background: "#eef0ff", color: "#3b3fb5" },
  chartColor: "#c2185b",
  guide: {},
});
