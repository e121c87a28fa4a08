import { textJsonAdapter } from "../plain-text";

// Plain text, `{text}` as JSON; Hiworks documents little (a single source), so the shared
// plain-text rules apply unchanged.
export const hiworksAdapter = textJsonAdapter("hiworks");
