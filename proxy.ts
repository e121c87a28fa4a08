import { type NextRequest, NextResponse } from "next/server";
import { config as appConfig } from "@/lib/env";

// A per-request nonce so the only scripts that run are Next's own, tagged with it: no inline
// script from anywhere else, no third-party origin, and the console cannot be framed.
// Styles allow inline attributes (React style props); they cannot run code.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(appConfig().https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

// Every page request, prefetches included: Next's router prefetches pages (next-router-prefetch,
// or a browser's purpose: prefetch) and those answers are pages too, so they get the same policy.
// /api/ answers JSON and gets a fixed policy from next.config.ts (lib/http/security-headers.ts).
export const config = {
  matcher: ["/((?!api/|api$|_next/static|_next/image|favicon.ico).*)"],
};
