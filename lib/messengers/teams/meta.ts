import { defineMeta } from "../definition";

export const teamsMeta = defineMeta({
  id: "teams",
  fields: { channel: null, topic: false },
  // Mentions need msteams.entities + <at>…</at>, which Alimi never sends; customer text is
  // escaped anyway (Markdown and <at> broken).
  capabilities: { mentions: true, privateNetwork: false, threads: false },
  badge: { background: "#ecebf8", color: "#464775" },
  chartColor: "#6264a7",
  guide: { link: "https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook" },
});
