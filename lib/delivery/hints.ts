import type { ErrorMeaning, HintKey } from "@/lib/messengers/definition";
import { isMessengerId } from "@/lib/messengers/ids";
import { messengers } from "@/lib/messengers/registry";
import type { Outcome } from "@/lib/messengers/types";

// A one-line fix for each known failure, as a key under "test.hints.*" in messages/*.json.
// The messenger's own codes are in its definition (`errors`); these are the sender's, the same
// for every messenger.
const SENDER_CODES: Record<string, HintKey> = {
  timeout: "timeout",
  dns: "dns",
  connection_refused: "refused",
  connection_reset: "reset",
  tls: "tls",
  network: "network",
  blocked_address: "blocked",
};

/** The hint for a code, the messenger's own first; `messenger` may come from storage, so it is checked. */
function byCode(messenger: string, code: string): HintKey | undefined {
  const own: Readonly<Record<string, ErrorMeaning>> = isMessengerId(messenger) ? messengers[messenger].errors : {};
  if (Object.hasOwn(own, code)) return own[code].hint;
  return Object.hasOwn(SENDER_CODES, code) ? SENDER_CODES[code] : undefined;
}

export function hintFor(messenger: string, outcome: Outcome, httpStatus: number | null): HintKey | null {
  if (outcome.kind === "delivered") return null;
  const known = outcome.code ? byCode(messenger, outcome.code) : undefined;
  if (known) return known;
  if (httpStatus === null) return "network";
  if (httpStatus === 429) return "rateLimited";
  if (httpStatus >= 300 && httpStatus < 400) return "redirect";
  if (httpStatus === 401 || httpStatus === 403) return "forbidden";
  if (httpStatus === 404 || httpStatus === 410) return "notFound";
  if (httpStatus >= 500) return "serverError";
  return "unknown";
}

/** The hint for a saved failure code (e.g. a paused destination's), when one is known. */
export function hintForCode(messenger: string, code: string | null): HintKey | null {
  if (!code) return null;
  const known = byCode(messenger, code);
  if (known) return known;
  const status = /^http_(\d{3})$/.exec(code);
  return status ? hintFor(messenger, { kind: "permanent", status: Number(status[1]) }, Number(status[1])) : null;
}
