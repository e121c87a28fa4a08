import { breakMentions, ZWSP } from "@/lib/alerts/escape";
import { LINK_LABELS } from "@/lib/alerts/render";

// The neutralisation docs/messengers.md sets for Teams, Google Chat, Discord and Dooray!.
// Mentions are broken with lib/alerts/escape's `breakMentions`: a zero-width space after `<` and
// after an `@` that could start a mention, never after one inside a word, so an e-mail address
// in a customer's message still copies out intact.

// `_` between two letters or digits never starts or ends emphasis, and `john_doe@x.kr` must copy.
const TEAMS_SYNTAX = /[[\]*~`#>]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/**
 * Adaptive Card TextBlock / FactSet value (Teams): a zero-width space after every character that
 * opens Markdown (`[`, `]`, `*`, `_`, `~`, backtick, `#`, `>`), so `[x](url)` becomes `[​x]​(url)`:
 * whether Teams honours backslash escapes is not documented, an invisible character always works.
 */
export function teamsEscape(text: string): string {
  return breakMentions(text).replace(TEAMS_SYNTAX, (c) => c + ZWSP);
}

/**
 * Discord embed text (fields, description): Markdown backslash-escaped, including masked links,
 * headings, lists, quotes, spoilers and code; mention syntax broken (it renders, though with
 * `allowed_mentions.parse: []` it never pings).
 */
export function discordEscape(text: string): string {
  return breakMentions(text.replace(/[\\*_~`|>#\-[\]()]/g, (c) => `\\${c}`));
}

/**
 * Dooray! attachment text: Markdown punctuation backslash-escaped, and a zero-width space after
 * `@`, `<` and `[` (its member mentions are `[@name](dooray://…)` links). `-`, `.` and `!` are
 * left alone: they form no link or mention, and phone numbers and sentences stay readable.
 */
export function doorayEscape(text: string): string {
  return breakMentions(text.replace(/[\\*_~`|>#[\]()]/g, (c) => `\\${c}`)).replace(/\\\[/g, `\\[${ZWSP}`);
}

/** Google Chat card text (decoratedText, textParagraph): its small HTML subset made inert. */
export function googleChatHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Google Chat `text` (the notification): `<users/all>`, `<url|x>` and its formatting broken. */
export function googleChatTextEscape(text: string): string {
  return text.replace(/[<*_~`]/g, (c) => c + ZWSP);
}

const PLAIN_EMAIL = /^[A-Za-z0-9.%+-]+(?:_[A-Za-z0-9.%+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/**
 * An e-mail address made only of characters that form no mention, link or markup in any of these
 * messengers (`@` inside a word, `_` only between other characters): it is sent as is, so it
 * copies out exactly. Anything else gets the messenger's escaping.
 */
export function isPlainEmail(value: string): boolean {
  return PLAIN_EMAIL.test(value);
}

/** A field value as sent: untrusted values escaped, except an exact value that is a plain e-mail. */
export function fieldText(field: { value: string; untrusted: boolean; verbatim?: true }, escapeText: (t: string) => string): string {
  if (!field.untrusted || (field.verbatim && isPlainEmail(field.value))) return field.value;
  return escapeText(field.value);
}

const QUOTE = "│ ";
const squeeze = (text: string) => text.replace(/[\s\u200B\\]+/gu, "").toLowerCase();
const OUR_LABELS = LINK_LABELS.map(squeeze);

/**
 * Lines of customer text that start like one of Alimi's own link lines ("상담 열기: …") are
 * quoted, so a message cannot fake a second, attacker-chosen link line of ours.
 */
export function quoteImitations(text: string): string {
  return text
    .split("\n")
    .map((line) => (OUR_LABELS.some((label) => squeeze(line).startsWith(label)) ? `${QUOTE}${line}` : line))
    .join("\n");
}
