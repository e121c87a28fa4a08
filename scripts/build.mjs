// `npm run build`: the console (next build), then the production server in lib/server/ bundled
// into one plain-JavaScript file beside it, so `npm start` runs on node alone (no TypeScript
// loader at run time). Packages stay in node_modules; only our own code is bundled.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const SERVER_BUNDLE = path.join(root, ".next", "alimi", "server.cjs");

const skipNext = process.argv.includes("--server-only");
if (!skipNext) {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await build({
  entryPoints: [path.join(root, "lib", "server", "main.ts")],
  outfile: SERVER_BUNDLE,
  bundle: true,
  platform: "node",
  target: "node20",
  // CommonJS so the banner runs before Next is loaded: Next reads NODE_ENV as it loads.
  format: "cjs",
  packages: "external",
  tsconfig: path.join(root, "tsconfig.json"),
  banner: { js: 'process.env.NODE_ENV = "production";' },
  sourcemap: "linked",
  // `import "server-only"` marks modules that must never reach a browser bundle; this bundle is
  // the server itself, so the marker resolves to nothing, as React's "react-server" condition does.
  plugins: [
    {
      name: "server-only",
      setup(b) {
        b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "server-only" }));
        b.onLoad({ filter: /.*/, namespace: "server-only" }, () => ({ contents: "", loader: "js" }));
      },
    },
  ],
  logLevel: "warning",
});
console.log(`[alimi] server bundled: ${path.relative(root, SERVER_BUNDLE)}`);
