import { type MessengerMeta, SHARED_PAUSE_STATUSES } from "../cards/policy";

// docs/messengers.md, Microsoft Teams: errors are `{"error":{"code","message"}}`. A flow that is
// off or deleted, a bad or missing signature, an unknown workflow and a trigger with its own JSON
// schema fail every alert alike, so they pause; other 4xx fail one alert; 429 and 5xx retry.
export const TEAMS_PAUSE_CODES = [
  "WorkflowTriggerIsNotEnabled",
  "TriggerInputSchemaMismatch",
  "DirectApiInvalidAuthorizationSignature",
  "DirectApiAuthorizationRequired",
  "WorkflowNotFound",
  "MissingApiVersionParameter",
] as const;

export const teamsMeta = {
  // The old connectors were throttled above 4/s; flows have licence-dependent limits: 1/s, burst 2.
  pace: { intervalMs: 1_000, burst: 2 },
  pause: { codes: TEAMS_PAUSE_CODES, statuses: SHARED_PAUSE_STATUSES },
  hints: {
    WorkflowTriggerIsNotEnabled: "teamsFlowOff",
    TriggerInputSchemaMismatch: "teamsSchema",
    DirectApiInvalidAuthorizationSignature: "teamsSignature",
    DirectApiAuthorizationRequired: "teamsSignature",
    MissingApiVersionParameter: "teamsSignature",
    WorkflowNotFound: "teamsNotFound",
    TooManyRequests: "rateLimited",
    InvalidRequestContent: "payload",
  },
  // Mentions need msteams.entities + <at>…</at>, which Alimi never sends.
  capabilities: { mentions: "<at>name</at> with msteams.entities", threads: false, privateNetwork: false },
  badge: { background: "#ecebf8", color: "#464775" },
  guide: {
    steps: 5,
    links: ["https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"],
  },
} as const satisfies MessengerMeta;
