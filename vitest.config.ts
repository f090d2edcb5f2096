import { defineConfig } from "vitest/config";
import { aliases } from "./scripts/aliases.mjs";

// Unit, adapter and UI tests. Browser tests (tests/browser) run through scripts/browser-tests.mjs.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ["tests/**/*.test.{ts,tsx}"],
    exclude: ["tests/browser/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["tests/setup/dom.ts"],
    pool: "threads",
    testTimeout: 20000,
  },
});
