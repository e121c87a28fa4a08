import { textJsonAdapter } from "../plain-text";

// Plain text only; never `mrkdwn: true`, which would turn customer text into formatting.
// Success answers JSON with the new post id.
export const agitAdapter = textJsonAdapter("agit");
