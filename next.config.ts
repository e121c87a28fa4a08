import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  async headers() {
    return [
      // headers() is baked into the build: only what does not depend on the environment. HSTS
      // follows APP_BASE_URL at run time, added by the production server (lib/server/main.ts).
      { source: "/:path*", headers: securityHeaders(false) },
      { source: "/api/:path*", headers: [API_CONTENT_SECURITY_POLICY] },
    ];
  },
};

// Messages are compiled at build time: the browser then needs only the small formatter, not
// the ICU parser (the 추가 알림 form's first-load JavaScript is budgeted at 150 kB gzipped).
export default createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { format: "json", path: "./messages", locales: "infer", precompile: true } },
})(nextConfig);
