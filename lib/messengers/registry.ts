import { agitAdapter } from "./agit/adapter";
import { hiworksAdapter } from "./hiworks/adapter";
import type { MessengerId } from "./ids";
import { jandiAdapter } from "./jandi/adapter";
import { mattermostAdapter } from "./mattermost/adapter";
import { slackAdapter } from "./slack/adapter";
import { teamroomAdapter } from "./teamroom/adapter";
import type { Adapter } from "./types";

// Typed over the id list: a messenger added to ids.ts without an adapter fails to compile.
export const adapters = {
  slack: slackAdapter,
  mattermost: mattermostAdapter,
  jandi: jandiAdapter,
  hiworks: hiworksAdapter,
  agit: agitAdapter,
  teamroom: teamroomAdapter,
} satisfies Record<MessengerId, Adapter>;

export function getAdapter(id: MessengerId): Adapter {
  return adapters[id];
}
