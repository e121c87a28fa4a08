// Customer-supplied text is untrusted: it must never ping a channel, form a link, load an
// image or break the layout. Each messenger gets the escaping its own parser needs (spec).

export const ZWSP = "\u200B";
export const MAX_MESSAGE_LENGTH = 1_000;
export const MAX_FIELD_LENGTH = 200;

export function truncate(text: string, max: number): string {
  const chars = [...text]; // count code points, so an emoji is never cut in half
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** One line: newlines and runs of whitespace in a name cannot fake extra lines of the alert. */
export function singleLine(text: string, max = MAX_FIELD_LENGTH): string {
  return truncate(text.replace(/\s+/g, " ").trim(), max);
}

/** The common safe move: a zero-width space after every `@` and every `<`. */
export function breakMentions(text: string): string {
  return text.replace(/[@<]/g, (c) => c + ZWSP);
}

/** Slack `text` (mrkdwn): exactly &, <, > — which is what keeps `<!channel>` and `<url|x>` from forming. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|>]/g;

/** Mattermost Markdown: no link, image, heading or mention can form (backslashes alone don't stop mentions). */
export function mattermostEscape(text: string): string {
  return breakMentions(text.replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`));
}

/** Jandi: mentions broken, and `[`, `]`, `(`, `)` separated so `[text](url)` cannot form. */
export function jandiEscape(text: string): string {
  return breakMentions(text).replace(/[[\]()]/g, (c) => c + ZWSP);
}

/** A link target we write ourselves: parentheses and pipes encoded so it cannot end the link early. */
export function safeLinkTarget(url: string): string {
  return new URL(url).href.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/\|/g, "%7C");
}
