import { defineConfig } from "vitest/config";

// Two projects: `unit` is pure code and fakes (parallel, fast); `integration` talks to real
// databases, servers, Chromium and Tesseract, so it gets long time-outs.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["functions/src/**/*.test.ts", "drizzle/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["functions/test/**/*.test.ts", "stacks/**/*.test.ts", "web/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["functions/test/support/compiled-functions.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
