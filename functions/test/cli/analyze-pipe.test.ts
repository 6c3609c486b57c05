import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const report = join(repoRoot, "..", "shared", "realdata-dev", "tr_thy2023.pdf");

/** Runs the CLI as a user would, its stdout a pipe (as `| jq .` makes it). */
function analyzeThroughPipe(file: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(repoRoot, "node_modules/.bin/tsx"),
      ["functions/src/cli/analyze.ts", file, "--json"],
      {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(chunks).toString("utf8") }));
  });
}

describe("npm run analyze -- FILE --json into a pipe", () => {
  it("delivers the whole JSON document of a 101-page KAP report, not its first 64 KiB", async () => {
    const { code, stdout } = await analyzeThroughPipe(report);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(65_536);
    const output = JSON.parse(stdout);
    expect(output.document.pages).toBe(101);
    expect(output.statements.map((s: { type: string }) => s.type).sort()).toEqual([
      "balance_sheet",
      "income_statement",
    ]);
  });
});
