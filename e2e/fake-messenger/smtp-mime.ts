// Just enough MIME to read what nodemailer sends: headers (unfolded, RFC 2047 words decoded),
// multipart bodies, base64 and quoted-printable, UTF-8. Not a general mail parser (mailparser
// would pull in eight packages for what a test needs).

export interface ParsedMail {
  headers: Record<string, string>;
  subject: string;
  text: string | null;
  html: string | null;
}

function splitHead(raw: string): [Record<string, string>, string] {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? "" : raw.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return [headers, body];
}

const qp = (s: string) =>
  Buffer.from(
    s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

/** RFC 2047 encoded words, e.g. =?UTF-8?B?7IOI?= ; adjacent words join without the space between. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=)\s+(?==\?)/gi, "$1")
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
    );
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return qp(body);
    default:
      return body;
  }
}

function walk(raw: string, out: { text: string | null; html: string | null }): void {
  const [headers, body] = splitHead(raw);
  const type = (headers["content-type"] ?? "text/plain").toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  if (type.startsWith("multipart/") && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) if (!part.startsWith("--")) walk(part.replace(/^\r?\n/, ""), out);
    return;
  }
  const content = decodeBody(body, headers["content-transfer-encoding"]).replace(/\r?\n$/, "");
  if (type.startsWith("text/html")) out.html ??= content;
  else if (type.startsWith("text/plain")) out.text ??= content;
}

export function parseMail(raw: string): ParsedMail {
  const [headers] = splitHead(raw);
  const out = { text: null as string | null, html: null as string | null };
  walk(raw, out);
  return { headers, subject: decodeWords(headers.subject ?? ""), ...out };
}
