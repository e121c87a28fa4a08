import { defineMeta } from "../definition";

export const hiworksMeta = defineMeta({
  id: "hiworks",
  fields: { channel: null, topic: false },
  // How it renders text is barely documented: assume mentions, and break them.
  capabilities: { mentions: true, privateNetwork: false, threads: false },
  badge: { background: "#e7f4fb", color: "#0b5a80" },
  chartColor: "#0a9bb5",
  // The official guide the product links to (there is no public API doc).
  guide: { link: "https://customer.gabia.com/manuals/detail_pop.php?seq_no=2755" },
});
