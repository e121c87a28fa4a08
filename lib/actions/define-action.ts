import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { SignedInUser } from "@/lib/auth/current-user";
import { type ActionResult, fail, fieldErrorsOf, isFailure } from "./result";

// The preamble every console server action shares: who is asking, may they, is the input
// well-formed. Built around an injected session lookup so it runs without Next's request
// context in unit tests; admin-action.ts binds it to the real session.

export type ActionContext = { user: SignedInUser };

type Handler<S extends z.ZodType, T> = (input: z.output<S>, ctx: ActionContext) => Promise<T> | T;

type Who = "admin" | "signedIn";

function authorize(user: SignedInUser | null, who: Who): ActionContext | string {
  if (!user) return "form.sessionExpired";
  if (who === "admin" && user.role !== "admin") return "form.forbidden";
  return { user };
}

export function createActionWrappers(currentUser: () => Promise<SignedInUser | null>) {
  const define =
    (who: Who) =>
    <S extends z.ZodType, T = void>(schema: S, handler: Handler<S, T>) =>
    async (input: unknown): Promise<ActionResult<Exclude<T, { ok: false }>>> => {
      const ctx = authorize(await currentUser(), who);
      if (typeof ctx === "string") return fail(ctx);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        // Input no form field could have produced (a tampered or stale page): say so plainly.
        return fail(Object.keys(fieldErrors).length > 0 ? "form.formError" : "form.unexpected", fieldErrors);
      }
      try {
        const out = await handler(parsed.data, ctx);
        if (isFailure(out)) return out;
        return { ok: true, ...(out ?? {}) } as ActionResult<Exclude<T, { ok: false }>>;
      } catch (error) {
        unstable_rethrow(error); // redirect() and friends are Next's control flow, not failures
        // The browser hears "try again"; the details (never input values) stay in the server log.
        console.error("[alimi] server action failed:", error instanceof Error ? (error.stack ?? error.message) : String(error));
        return fail("form.unexpected");
      }
    };

  return {
    /** For actions that change something: a signed-in 관리자, checked by the action itself. */
    adminAction: define("admin"),
    /** For what every signed-in account may do, 뷰어 included. */
    signedInAction: define("signedIn"),
  };
}
