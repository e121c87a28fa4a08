import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run on the server side, where `server-only` is the empty marker React's
      // "react-server" condition resolves it to.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["{lib,db,messages,app,components,scripts,e2e}/**/*.test.ts"],
    environment: "node",
    // Key files and databases that tests create go to a temp dir, never ./data.
    env: { DATA_DIR: path.join(os.tmpdir(), "alimi-vitest") },
  },
});
