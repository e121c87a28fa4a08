// Customer-supplied text is untrusted: it must never ping a channel, form a link, load an
// image or break the layout. Each messenger gets the escaping its own parser needs (spec).

export const ZWSP = "\u200B";
export const MAX_MESSAGE_LENGTH = 1_000;
export const MAX_FIELD_LENGTH = 200;

/** At most `max` characters (code points, so an emoji is never cut in half), ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return max < 1 ? "" : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * At most `max` UTF-16 code units, ending in "…" when cut. Messenger limits are enforced in
 * code units: never less strict than counting characters, whichever way the vendor counts.
 */
export function fitLength(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // never leave half a surrogate pair
  return `${text.slice(0, cut)}…`;
}

// C0/C1 controls (except tab and newline) and bidi overrides/isolates: a name with U+202E
// could otherwise mirror everything after it in the alert.
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function stripControls(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE_CONTROLS, "");
}

/** One line: newlines and runs of whitespace in a name cannot fake extra lines of the alert. */
export function singleLine(text: string, max = MAX_FIELD_LENGTH): string {
  return truncate(stripControls(text).replace(/\s+/g, " ").trim(), max);
}

/** The common safe move: a zero-width space after every `@` and every `<`. */
export function breakMentions(text: string): string {
  return text.replace(/[@<]/g, (c) => c + ZWSP);
}

/** A zero-width space after `[`, `]`, `(`, `)`: no `[text](url)` or `![](img)` can form. */
export function breakLinkSyntax(text: string): string {
  return text.replace(/[[\]()]/g, (c) => c + ZWSP);
}

/**
 * Plain-text messengers (Hiworks, Agit, Teamroom) and Slack's plain_text: mentions broken and,
 * defensively, link syntax too — these vendors document little, so assume the worst parser.
 */
export function plainEscape(text: string): string {
  return breakLinkSyntax(breakMentions(text));
}

/** Slack `text` (mrkdwn): exactly &, <, > — which is what keeps `<!channel>` and `<url|x>` from forming. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// The spec's list plus `=` (a setext heading underline) and `~` (strikethrough); CommonMark
// lets every ASCII punctuation character be backslash-escaped, so the extras render as-is.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|>=~]/g;

/** Mattermost Markdown: no link, image, heading or mention can form (backslashes alone don't stop mentions). */
export function mattermostEscape(text: string): string {
  return breakMentions(text.replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`));
}

/** Jandi (spec): mentions broken, and `[`, `]`, `(`, `)` separated so `[text](url)` cannot form. */
export const jandiEscape = plainEscape;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A link target we write ourselves (Markdown `(url)` or Slack `<url|label>`): normalised, with
 * parentheses, pipes and angle brackets encoded so it cannot end the link early.
 */
export function safeLinkTarget(url: string): string {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    // Validated at the edge; still, a stored oddity must never throw mid-delivery.
    href = encodeURI(url.replace(LONE_SURROGATE, ""));
  }
  return href.replace(/[()|<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
