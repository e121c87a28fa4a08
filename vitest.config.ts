import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,db,messages,app,components,scripts,e2e}/**/*.test.ts"],
    environment: "node",
    // Key files and databases that tests create go to a temp dir, never ./data.
    env: { DATA_DIR: path.join(os.tmpdir(), "alimi-vitest") },
  },
});
