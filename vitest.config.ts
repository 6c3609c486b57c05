import { defineConfig } from "vitest/config";

// Two projects: `unit` is pure code and fakes (parallel, fast); `integration` talks to real
// databases, servers, Chromium and Tesseract, so it gets long time-outs. A third, `alone`,
// measures responsiveness: it runs after the others, by itself, so the latencies it asserts
// are the server's own and not the neighbouring tests' OCR.
const ALONE = ["functions/test/local/responsive.test.ts"];

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
          exclude: ["**/node_modules/**", ...ALONE],
          environment: "node",
          globalSetup: [
            "functions/test/support/compiled-functions.ts",
            "functions/test/support/database-templates.ts",
          ],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "alone",
          include: ALONE,
          environment: "node",
          globalSetup: [
            "functions/test/support/compiled-functions.ts",
            "functions/test/support/database-templates.ts",
          ],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
