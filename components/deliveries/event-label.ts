// next-intl keys cannot contain dots, so event ids map to camelCase keys under log.events.
const KEYS: Record<string, "messageSubmitted" | "sessionWaiting" | "sessionAssigned" | "destinationPaused" | "destinationRecovered"> = {
  "message.submitted": "messageSubmitted",
  "session.waiting": "sessionWaiting",
  "session.assigned": "sessionAssigned",
  "system.destination_paused": "destinationPaused",
  "system.destination_recovered": "destinationRecovered",
};

export function eventKey(event: string) {
  return `events.${KEYS[event] ?? "messageSubmitted"}` as const;
}
