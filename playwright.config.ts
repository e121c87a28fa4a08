import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The server's node flags (a heap budget), as `npm start` passes them.
const SERVER_NODE_FLAGS: string[] = JSON.parse(fs.readFileSync("lib/server/node-flags.json", "utf8"));

// Real servers on 127.0.0.1, each on its own fresh SQLite file under ./data: "main" for the
// console specs, "first-run" with no admin at all, "dispatch" for the API and delivery specs
// (its retry schedule shrunk 1000×), plus the fake messenger server they deliver to.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const FIRST_RUN_PORT = E2E_PORT + 1;
export const DISPATCH_PORT = E2E_PORT + 2;
export const FAKE_PORT = Number(process.env.FAKE_MESSENGER_PORT ?? 4010);
export const ADMIN = { email: "admin@alimi.test", password: "correct-horse-battery" };

const serve = (port: number, dir: string, extraEnv: Record<string, string>) => ({
  // The production server as `npm start` runs it (built by `npm run build`, which npm test runs).
  command: `rm -rf ${dir} && node ${SERVER_NODE_FLAGS.join(" ")} .next/alimi/server.cjs`,
  url: `http://127.0.0.1:${port}/login`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    NEXT_TELEMETRY_DISABLED: "1",
    APP_BASE_URL: `http://127.0.0.1:${port}`,
    ...extraEnv,
  },
});

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${E2E_PORT}`, trace: "retain-on-failure", locale: "ko-KR", timezoneId: "Asia/Seoul" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1360, height: 860 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: [
    serve(E2E_PORT, "./data/e2e-main", {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ALERTS_ALLOW_LOOPBACK_WEBHOOKS: "1",
    }),
    serve(FIRST_RUN_PORT, "./data/e2e-first-run", {}),
    serve(DISPATCH_PORT, "./data/e2e-dispatch", {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ALERTS_ALLOW_LOOPBACK_WEBHOOKS: "1",
      ALERTS_RETRY_SCALE: "0.001",
    }),
    {
      command: `node_modules/.bin/tsx e2e/fake-messenger/cli.ts --port ${FAKE_PORT}`,
      url: `http://127.0.0.1:${FAKE_PORT}/_fake/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
