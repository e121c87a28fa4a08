import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { activeKeys } from "@/lib/crypto/secret-box";

// 테스트 전송 before 저장: the test ran against a destination that had no row yet, so its result
// had nowhere to go and the list said "보낸 적 없음" after saving. The test now hands the form a
// receipt, a signed statement of the result for exactly that messenger, URL and channel; 저장
// records it when the saved destination is the one that was tested. Signed so a browser cannot
// invent a success, bound to the target so a test of another URL does not count, and short-lived.

export interface TestOutcome {
  at: number;
  ok: boolean;
  status: number | null;
  code: string | null;
}
export interface TestTarget {
  messenger: string;
  webhookUrl: string;
  channel: string | null;
}

const VALID_MS = 60 * 60_000;

function mac(data: string): Buffer {
  // A key of its own, derived from the secret key, so the receipt MAC never reuses the key that
  // encrypts webhook URLs for another purpose.
  const key = createHmac("sha256", activeKeys().current.bytes).update("alimi:test-receipt:v1").digest();
  return createHmac("sha256", key).update(data).digest();
}

/** The target, as a MAC: the receipt travels through the browser and must not carry the URL. */
function targetTag(target: TestTarget): string {
  return mac(`${target.messenger}\n${target.webhookUrl}\n${target.channel ?? ""}`).toString("base64url");
}

export function sealTestReceipt(outcome: TestOutcome, target: TestTarget): string {
  const payload = Buffer.from(JSON.stringify({ ...outcome, target: targetTag(target) })).toString("base64url");
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** The outcome a receipt vouches for, when it is genuine, fresh and for this very target. */
export function openTestReceipt(receipt: unknown, target: TestTarget, now: number): TestOutcome | null {
  if (typeof receipt !== "string" || receipt.length > 1_000) return null;
  const [payload, signature] = receipt.split(".");
  if (!payload || !signature) return null;
  const expected = mac(payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { at, ok, status, code, target: tag } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (tag !== targetTag(target) || typeof at !== "number" || now - at > VALID_MS || at > now + 60_000) return null;
    return { at, ok: ok === true, status: typeof status === "number" ? status : null, code: typeof code === "string" ? code : null };
  } catch {
    return null;
  }
}
