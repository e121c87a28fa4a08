import { describe, expect, it } from "vitest";
import { MESSENGER_IDS } from "./ids";
import { adapters, getAdapter } from "./registry";

describe("adapter registry", () => {
  it("has exactly one adapter per messenger id", () => {
    expect(Object.keys(adapters).sort()).toEqual([...MESSENGER_IDS].sort());
  });

  it.each(MESSENGER_IDS)("getAdapter(%s) returns the adapter with that id", (id) => {
    const adapter = getAdapter(id);
    expect(adapter.id).toBe(id);
    expect(typeof adapter.buildRequest).toBe("function");
    expect(typeof adapter.classify).toBe("function");
  });
});
