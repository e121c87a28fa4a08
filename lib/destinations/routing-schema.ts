import { z } from "zod";
import { EVENT_TYPES, SESSION_CHANNELS } from "@/lib/alerts/types";
import { MAX_TEAM_LENGTH, MAX_TEAMS, type Routing } from "./routing";

// The one schema of 받을 알림, used by 저장 (lib/actions/destination-input.ts). The form posts
// its fields as named in the form (routeEvents, routeChannels, routeTeams), so an error lands
// under its field; teams arrive as the text the admin typed, comma- or line-separated.

const unique = <T>(list: T[]) => [...new Set(list)];

const teamList = z
  .string("routing.unexpected")
  .max(MAX_TEAMS * (MAX_TEAM_LENGTH + 2), "routing.teamTooLong")
  .transform((text) => unique(text.split(/[,\n]/).map((t) => t.trim())).filter((t) => t !== ""))
  .pipe(z.array(z.string().max(MAX_TEAM_LENGTH, "routing.teamTooLong")).max(MAX_TEAMS, "routing.tooManyTeams"));

export const routingInputSchema = z
  .object({
    routeEvents: z.array(z.enum(EVENT_TYPES, "routing.unexpected"), "routing.unexpected").min(1, "routing.eventsRequired"),
    routeChannels: z.array(z.enum(SESSION_CHANNELS, "routing.unexpected"), "routing.unexpected").min(1, "routing.channelsRequired"),
    routeTeams: teamList,
  })
  .transform(
    (r): Routing => ({
      // Kept in the canonical order, so "the same rules" always store as the same text.
      events: EVENT_TYPES.filter((e) => r.routeEvents.includes(e)),
      channels: SESSION_CHANNELS.filter((c) => r.routeChannels.includes(c)),
      teams: r.routeTeams,
    }),
  );

export type RoutingInput = z.input<typeof routingInputSchema>;
