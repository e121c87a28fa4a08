import { defineMeta } from "../definition";

export const doorayMeta = defineMeta({
  id: "dooray",
  fields: { channel: null, topic: false },
  // Member mentions are Markdown links to dooray:// member URLs; Alimi breaks `[` and `@`.
  capabilities: { mentions: true, privateNetwork: false, threads: false },
  badge: { background: "#e8f1fc", color: "#1a4f8f" },
  chartColor: "#8e6bd8",
  // No official page for incoming hooks could be confirmed (docs/messengers.md cites the API
  // document and public clients): the guide stands on its own steps.
  guide: {},
});
