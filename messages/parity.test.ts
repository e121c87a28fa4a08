import { describe, expect, it } from "vitest";
import en from "./en.json";
import ko from "./ko.json";

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, String(value));
  }
  return out;
}

/** ICU argument names ({name}, {count, plural, …}) and rich-text tags (<b>, <link>) of a message. */
function placeholders(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<([a-z]+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

describe("message catalogues", () => {
  const koMessages = flatten(ko);
  const enMessages = flatten(en);

  it("have exactly the same keys in Korean and English", () => {
    const onlyKo = [...koMessages.keys()].filter((k) => !enMessages.has(k));
    const onlyEn = [...enMessages.keys()].filter((k) => !koMessages.has(k));
    expect({ onlyKo, onlyEn }).toEqual({ onlyKo: [], onlyEn: [] });
  });

  it("use the same placeholders and tags in both languages", () => {
    const mismatched = [...koMessages.keys()]
      .filter((k) => enMessages.has(k))
      .filter((k) => placeholders(koMessages.get(k)!).join() !== placeholders(enMessages.get(k)!).join());
    expect(mismatched).toEqual([]);
  });

  it("leave no English message empty where the Korean one has text", () => {
    const empty = [...koMessages.keys()].filter((k) => koMessages.get(k) !== "" && enMessages.get(k) === "");
    expect(empty).toEqual([]);
  });
});
