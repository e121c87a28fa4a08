// `npm start`: build when the sources are newer than the last build, then serve.
// Migrations run inside the server before it takes traffic (lib/server-start.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const BUILD_ID = path.join(root, ".next", "BUILD_ID");
const SERVER_BUNDLE = path.join(root, ".next", "alimi", "server.cjs");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "messages",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

const builtAt =
  fs.existsSync(BUILD_ID) && fs.existsSync(SERVER_BUNDLE) ? Math.min(fs.statSync(BUILD_ID).mtimeMs, fs.statSync(SERVER_BUNDLE).mtimeMs) : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
  console.log("[alimi] building the console (first start or sources changed)…");
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The server runs with the node flags in lib/server/node-flags.json (a heap budget), the same
// way the e2e suite and the benchmark start it.
const flags = JSON.parse(fs.readFileSync(path.join(root, "lib", "server", "node-flags.json"), "utf8"));
const server = spawn(process.execPath, [...flags, SERVER_BUNDLE], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
