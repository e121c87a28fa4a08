import { defineMeta } from "../definition";

export const discordMeta = defineMeta({
  id: "discord",
  fields: { channel: null, topic: false },
  // <@id>, <@&role>, @everyone/@here: broken in customer text, and never pinging anyway
  // (allowed_mentions.parse is always empty).
  capabilities: { mentions: true, privateNetwork: false, threads: false },
  badge: { background: "#eceefe", color: "#3c45a5" },
  chartColor: "#5865f2",
  guide: { link: "https://support.discord.com/hc/articles/228383668" },
});
