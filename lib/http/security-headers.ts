// Sent with every answer, pages and API alike (pages get their CSP per request, in proxy.ts).
// One list for both servers: next.config.ts hands it to Next, lib/server/ adds it to the API
// answers it writes itself. No path aliases here: next.config.ts imports this file directly.
export function securityHeaders(https: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/**
 * The CSP of everything proxy.ts does not see: the API's JSON answers (and a 404 page under
 * /api/). Nothing there is meant to run or be framed.
 */
export const API_CONTENT_SECURITY_POLICY = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };
