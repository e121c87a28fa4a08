import type { AddressRule } from "../destination-schema";

// 받는 사람: one or more addresses, typed one per line or separated by commas or semicolons.
// Stored as the destination's secret (where a webhook URL is stored: encrypted), normalised to
// "a@x.kr, b@y.kr". Deliberately stricter than RFC 5322: a plain addr-spec only — no display
// names, quotes, comments or IP literals — since this goes into an SMTP envelope.

export const MAX_RECIPIENTS = 20;
const MAX_ADDRESS_LENGTH = 254;
const MAX_INPUT_LENGTH = 6_000;

// local@domain: the local part in the usual dot-atom characters, the domain as DNS labels with
// a letter TLD (Unicode allowed for IDN; nodemailer encodes it).
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
const TLD = /^[\p{L}]{2,63}$|^xn--[a-z0-9-]{2,59}$/iu;

export function isEmailAddress(address: string): boolean {
  if (address.length > MAX_ADDRESS_LENGTH) return false;
  const at = address.lastIndexOf("@");
  if (at <= 0 || at !== address.indexOf("@")) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split(".");
  return (
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => LABEL.test(l)) &&
    TLD.test(labels[labels.length - 1] ?? "")
  );
}

/** The addresses in what the admin typed, in order, without duplicates (case-insensitive). */
export function splitRecipients(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(/[,;\n\r]+/)) {
    const address = part.trim();
    const key = address.toLowerCase();
    if (address && !seen.has(key)) {
      seen.add(key);
      out.push(address);
    }
  }
  return out;
}

/** The message key (under "validation.") of the first problem, or null. */
export function recipientsProblem(raw: string): string | null {
  if (raw.length > MAX_INPUT_LENGTH) return "recipients.tooMany";
  const list = splitRecipients(raw);
  if (list.length === 0) return "recipients.required";
  if (list.length > MAX_RECIPIENTS) return "recipients.tooMany";
  return list.every(isEmailAddress) ? null : "recipients.invalid";
}

export const recipientsAddress: AddressRule = {
  field: "recipients",
  problem: (value) => recipientsProblem(value),
  normalize: (value) => splitRecipients(value).join(", "),
};

/** For lists: the first address with its local part hidden, and how many more ("h***@example.com" + 1 → "외 1명"). */
export function maskRecipients(stored: string): { first: string; more: number } {
  const [first, ...rest] = splitRecipients(stored);
  if (!first) return { first: "…", more: 0 };
  return { first: `${first.slice(0, 1)}***${first.slice(first.lastIndexOf("@"))}`, more: rest.length };
}
