import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SignedInUser } from "@/lib/auth/current-user";
import { createActionWrappers } from "./define-action";
import { fail } from "./result";

const ADMIN: SignedInUser = { userId: 1, email: "admin@alimi.test", role: "admin" };
const VIEWER: SignedInUser = { userId: 2, email: "viewer@alimi.test", role: "viewer" };

const schema = z.object({
  name: z.string().min(1, "name.required").max(5, "name.tooLong"),
  count: z.number().int("count.integer"),
});

/** An action built the way the console builds them, signed in as `user`. */
function build(user: SignedInUser | null, handler = vi.fn(async (input: z.output<typeof schema>) => ({ echoed: input.name }))) {
  const { adminAction, signedInAction } = createActionWrappers(async () => user);
  return { admin: adminAction(schema, handler), anyone: signedInAction(schema, handler), handler };
}

describe("adminAction", () => {
  it("refuses without a session and never runs the handler", async () => {
    const { admin, anyone, handler } = build(null);
    expect(await admin({ name: "a", count: 1 })).toEqual({ ok: false, fieldErrors: {}, formError: "form.sessionExpired" });
    expect(await anyone({ name: "a", count: 1 })).toEqual({ ok: false, fieldErrors: {}, formError: "form.sessionExpired" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a 뷰어 on an admin action, lets a 뷰어 through the signed-in one", async () => {
    const { admin, anyone, handler } = build(VIEWER);
    expect(await admin({ name: "a", count: 1 })).toEqual({ ok: false, fieldErrors: {}, formError: "form.forbidden" });
    expect(handler).not.toHaveBeenCalled();
    expect(await anyone({ name: "a", count: 1 })).toEqual({ ok: true, echoed: "a" });
  });

  it("answers invalid input with the first message per field, without running the handler", async () => {
    const { admin, handler } = build(ADMIN);
    expect(await admin({ name: "far too long", count: 1.5 })).toEqual({
      ok: false,
      fieldErrors: { name: "name.tooLong", count: "count.integer" },
      formError: "form.formError",
    });
    // Two problems with one field: the first one wins.
    const strict = createActionWrappers(async () => ADMIN).adminAction(
      z.object({ code: z.string().min(3, "code.short").regex(/^\d+$/, "code.digits") }),
      async () => undefined,
    );
    expect(await strict({ code: "x" })).toMatchObject({ fieldErrors: { code: "code.short" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers input no form could send (not even an object) without throwing", async () => {
    const { admin } = build(ADMIN);
    for (const input of [undefined, null, "name", 42, [1, 2]]) {
      expect(await admin(input)).toEqual({ ok: false, fieldErrors: {}, formError: "form.unexpected" });
    }
  });

  it("runs the handler with the parsed input and the user, and spreads its data into the success", async () => {
    const { admin, handler } = build(ADMIN);
    expect(await admin({ name: "abc", count: 2, extra: "dropped" })).toEqual({ ok: true, echoed: "abc" });
    expect(handler).toHaveBeenCalledWith({ name: "abc", count: 2 }, { user: ADMIN });
  });

  it("passes a handler's failure through, and turns a handler with no data into { ok: true }", async () => {
    const { adminAction } = createActionWrappers(async () => ADMIN);
    const notFound = adminAction(schema, async () => fail("destinations.notFound"));
    expect(await notFound({ name: "a", count: 1 })).toEqual({ ok: false, fieldErrors: {}, formError: "destinations.notFound" });
    const field = adminAction(schema, async () => fail(undefined, { name: "name.taken" }));
    expect(await field({ name: "a", count: 1 })).toEqual({ ok: false, fieldErrors: { name: "name.taken" } });
    const nothing = adminAction(schema, async () => undefined);
    expect(await nothing({ name: "a", count: 1 })).toEqual({ ok: true });
  });

  it("answers an unexpected error with a failure the form can show, and logs it on the server", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { adminAction } = createActionWrappers(async () => ADMIN);
    const broken = adminAction(schema, async () => {
      throw new Error("disk full");
    });
    expect(await broken({ name: "a", count: 1 })).toEqual({ ok: false, fieldErrors: {}, formError: "form.unexpected" });
    expect(log.mock.calls[0].join(" ")).toContain("disk full");
    log.mockRestore();
  });
});
