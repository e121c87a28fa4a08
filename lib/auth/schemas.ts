import { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/result";

// Messages are keys under "auth.errors.*"; shared by the forms and their server actions.
export const MIN_PASSWORD_LENGTH = 10;

const email = z.string().trim().toLowerCase().max(254, "emailInvalid").pipe(z.email("emailInvalid"));

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "passwordRequired").max(200, "passwordTooLong"),
});

export const setupSchema = z
  .object({
    email,
    password: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(200, "passwordTooLong"),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "passwordMismatch" });

export type AuthFormState = {
  /** key under auth.* for a message about the whole form */
  formError?: string;
  retryAfterSeconds?: number;
  fieldErrors?: Partial<Record<"email" | "password" | "passwordConfirm", string>>;
  email?: string;
};

export function firstFieldErrors(error: z.ZodError): AuthFormState["fieldErrors"] {
  return fieldErrorsOf(error) as AuthFormState["fieldErrors"];
}

export const DEFAULT_NEXT_PATH = "/settings/integrations/alerts";

// Any base works: only its origin is compared, and only path + query leave this function.
const BASE = new URL("http://alimi.invalid");
// Browsers drop tabs and newlines from URLs and read a backslash as "/", so "/\t/evil.example" goes to
// //evil.example. Such characters never appear in our own paths: refuse them outright.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\s\\]/u;

/**
 * Where to go after sign-in: a path on this site, resolved the way a browser would resolve it,
 * so a crafted ?next= cannot send a signed-in admin elsewhere. Anything else: the default page.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2_000 || FORBIDDEN.test(value)) {
    return DEFAULT_NEXT_PATH;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  // "/..//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) return DEFAULT_NEXT_PATH;
  return url.pathname + url.search;
}

export const inviteSchema = z.object({
  email,
  role: z.enum(["admin", "viewer"]),
});

export const passwordChangeSchema = z
  .object({
    current: z.string().min(1, "passwordRequired").max(200, "passwordTooLong"),
    password: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(200, "passwordTooLong"),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "passwordMismatch" })
  .refine((v) => v.password !== v.current, { path: ["password"], message: "passwordUnchanged" });
