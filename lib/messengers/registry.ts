import { agit } from "./agit";
import type { MessengerDefinition } from "./definition";
import { discord } from "./discord";
import { dooray } from "./dooray";
import { email } from "./email";
import { googlechat } from "./googlechat";
import { hiworks } from "./hiworks";
import { MESSENGER_IDS, type MessengerId } from "./ids";
import { jandi } from "./jandi";
import { mattermost } from "./mattermost";
import { slack } from "./slack";
import { teamroom } from "./teamroom";
import { teams } from "./teams";
import type { Adapter } from "./types";

// Every messenger's whole definition (server side: URL rule and schema, adapter, pace, error
// meanings). Typed over the id list: an id added to ids.ts without its folder's index.ts fails
// to compile, and so does a definition filed under another id. Schemas (schemas.ts), pacing,
// hints and health (lib/delivery) all read from here; there is no other per-messenger table.
/** Each id's own definition, under its own id. */
export type MessengerRegistry = { [Id in MessengerId]: MessengerDefinition<Id> };

export const messengers = {
  slack,
  mattermost,
  jandi,
  hiworks,
  agit,
  teamroom,
  teams,
  googlechat,
  discord,
  dooray,
  email,
} satisfies MessengerRegistry;

export function getMessenger<Id extends MessengerId>(id: Id): MessengerDefinition<Id> {
  return messengers[id] as MessengerDefinition<Id>;
}

export const adapters = Object.fromEntries(MESSENGER_IDS.map((id) => [id, messengers[id].adapter])) as {
  [Id in MessengerId]: Adapter<Id>;
};

export function getAdapter(id: MessengerId): Adapter {
  return messengers[id].adapter;
}
