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
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it strips
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function stripControls(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE_CONTROLS, "");
}

/** One line: newlines and runs of whitespace in a name cannot fake extra lines of the alert. */
export function singleLine(text: string, max = MAX_FIELD_LENGTH): string {
  return truncate(stripControls(text).replace(/\s+/g, " ").trim(), max);
}

/**
 * The spec's safe move, a zero-width space after `@` and `<` — except inside an e-mail address
 * (ASCII local part, dotted domain), which no messenger reads as a mention and which must stay
 * whole so it works when copied out of the messenger. Any other `@`, even after a letter
 * (`확인@all`), is broken: not every messenger documents what may precede a mention.
 */
const EMAIL_OR_MENTION = /([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)|[@<]/g;
export function breakMentions(text: string): string {
  return text.replace(EMAIL_OR_MENTION, (match, email: string | undefined) => (email ? email : match + ZWSP));
}

/** A zero-width space after `[`, `]`, `(`, `)`: no `[text](url)` or `![](img)` can form. */
export function breakLinkSyntax(text: string): string {
  return text.replace(/[[\]()]/g, (c) => c + ZWSP);
}

/**
 * Mentions broken and, defensively, link syntax too: for messengers that document little about
 * how they render text, so assume the worst parser (Jandi's descriptions).
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

// What a messenger might parse inside a URL: link and mention syntax (`<>|[]()@!`), `*`, code,
// quotes and whitespace. Percent-encoded they mean the same to the chat system's server. `_` and
// `~` stay: they are RFC 3986's unreserved characters, in countless real links (`s_123`,
// `/~team`), and can form neither a mention nor a link, at worst emphasis in a Markdown reader.
const URL_SYNTAX = /[\s<>|[\]()@*`!'"{}\\^]/gu;
const percent = (c: string) => [...Buffer.from(c, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");

/**
 * The conversation link as we write it, as a Markdown `(url)`, inside Slack's `<url|label>`, or
 * bare on a plain-text line: normalised, without user info (`https://a@evil.example` is a
 * phishing trick; the API refuses it), and with everything after the host that a messenger could
 * read as a mention, a link's end, emphasis or a line break percent-encoded.
 */
export function safeLinkTarget(url: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // Validated at the edge; still, a stored oddity must never throw mid-delivery.
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    return encodeURI((parsed?.href ?? url).replace(LONE_SURROGATE, "")).replace(URL_SYNTAX, percent);
  }
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`.replace(URL_SYNTAX, percent);
  // The API accepts only DNS names and IP literals as hosts; an IPv6 literal keeps its brackets.
  const host = parsed.host.startsWith("[") ? parsed.host : parsed.host.replace(URL_SYNTAX, percent);
  return `${parsed.protocol}//${host}${rest}`;
}
