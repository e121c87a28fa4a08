import { defineMeta } from "../definition";

export const agitMeta = defineMeta({
  id: "agit",
  fields: { channel: null, topic: false },
  // How it renders text is barely documented: assume mentions, and break them.
  capabilities: { mentions: true, privateNetwork: false, threads: false },
  badge: { background: "#fff1e6", color: "#9a4a00" },
  chartColor: "#e07b00",
  // The official guide the product links to (there is no public API doc).
  guide: { link: "https://agit.io/apps/19" },
});
