import { defineConfig } from "vitest/config";

// Unit, adapter and UI tests. Browser tests (tests/browser) run through scripts/browser-tests.mjs.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.{ts,tsx}"],
    exclude: ["tests/browser/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["tests/setup/dom.ts"],
    pool: "threads",
    testTimeout: 20000,
  },
});
