import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createActionWrappers } from "./define-action";

// The wrappers every console server action is built with, bound to this request's session.
export const { adminAction, signedInAction } = createActionWrappers(getCurrentUser);

export { fail } from "./result";
