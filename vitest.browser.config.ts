import { defineConfig } from "vitest/config";
import { aliases } from "./scripts/aliases.mjs";

// Browser tests: the built workbench in headless Chromium (scripts/browser-tests.mjs builds dist/ first).
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
    globalSetup: ["tests/browser/globalSetup.ts"],
  },
});
