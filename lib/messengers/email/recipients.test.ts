import { describe, expect, it } from "vitest";
import { configSchemas } from "../schemas";
import { isEmailAddress, maskRecipients, splitRecipients } from "./recipients";

const schema = configSchemas.email({ allowLoopback: false });
const parse = (recipients: string, id = "") => schema.safeParse({ id, name: "CS 메일", recipients, enabled: true });
const error = (recipients: string) => {
  const result = parse(recipients);
  return result.success ? null : result.error.issues.find((i) => i.path[0] === "recipients")?.message;
};

describe("받는 사람", () => {
  it("accepts one or more addresses, by line, comma or semicolon, and stores them as one list", () => {
    const result = parse(" CS@Example.com\nlead@example.co.kr; ops@예시.한국 , cs@example.com ");
    expect(result.success && result.data).toMatchObject({
      webhookUrl: "CS@Example.com, lead@example.co.kr, ops@예시.한국",
      name: "CS 메일",
    });
    expect(result.success && Object.keys(result.data).sort()).toEqual(["enabled", "id", "name", "webhookUrl"]);
  });

  it.each([
    ["", "recipients.required"],
    [" ,; \n", "recipients.required"],
    ["support", "recipients.invalid"],
    ["a@b", "recipients.invalid"],
    ["a@@b.com", "recipients.invalid"],
    ["홍길동 <a@b.com>", "recipients.invalid"],
    ["a@b.com\r\nBcc: x@evil.example", "recipients.invalid"],
    ["a@[127.0.0.1]", "recipients.invalid"],
    ["a b@c.com", "recipients.invalid"],
    [Array.from({ length: 21 }, (_, i) => `u${i}@example.com`).join(","), "recipients.tooMany"],
  ])("refuses %j (%s)", (raw, key) => {
    expect(error(raw)).toBe(key);
  });

  it("accepts 20 and keeps the saved list when editing with the field left empty", () => {
    expect(error(Array.from({ length: 20 }, (_, i) => `u${i}@example.com`).join(","))).toBeNull();
    const kept = parse("", "dst_1");
    expect(kept.success && kept.data.webhookUrl).toBe("");
  });

  it("splits without duplicates and checks the address shape", () => {
    expect(splitRecipients("a@x.kr,A@X.kr\nb@y.kr")).toEqual(["a@x.kr", "b@y.kr"]);
    expect(isEmailAddress("hong.gil-dong+cs@example.co.kr")).toBe(true);
    expect(isEmailAddress(`${"a".repeat(65)}@example.com`)).toBe(false);
  });

  it("is masked in lists: the first address's local part hidden, the rest counted", () => {
    expect(maskRecipients("hong@example.com, lead@example.com")).toEqual({ first: "h***@example.com", more: 1 });
    expect(maskRecipients("cs@example.com")).toEqual({ first: "c***@example.com", more: 0 });
  });
});
