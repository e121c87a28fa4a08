import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/http/security-headers";

const https = (process.env.APP_BASE_URL ?? "").startsWith("https://");

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(https) }];
  },
};

export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
