import { agitMeta } from "./agit/meta";
import type { MessengerMeta } from "./definition";
import { discordMeta } from "./discord/meta";
import { doorayMeta } from "./dooray/meta";
import { emailMeta } from "./email/meta";
import { googleChatMeta } from "./googlechat/meta";
import { hiworksMeta } from "./hiworks/meta";
import type { MessengerId } from "./ids";
import { jandiMeta } from "./jandi/meta";
import { mattermostMeta } from "./mattermost/meta";
import { slackMeta } from "./slack/meta";
import { teamroomMeta } from "./teamroom/meta";
import { teamsMeta } from "./teams/meta";

// Client-safe half of every messenger's definition (form fields, capabilities, badge, guide
// link): the destination form imports this in the browser, so nothing here may import zod or
// an adapter. Typed over the id list: an id in ids.ts without its meta.ts — or a meta filed
// under another id — fails to compile. The server half is collected in registry.ts.
/** Each id's own meta, under its own id. */
export type MetaRegistry = { [Id in MessengerId]: MessengerMeta<Id> };

export const messengerMeta = {
  slack: slackMeta,
  mattermost: mattermostMeta,
  jandi: jandiMeta,
  hiworks: hiworksMeta,
  agit: agitMeta,
  teamroom: teamroomMeta,
  teams: teamsMeta,
  googlechat: googleChatMeta,
  discord: discordMeta,
  dooray: doorayMeta,
  email: emailMeta,
} satisfies MetaRegistry;
