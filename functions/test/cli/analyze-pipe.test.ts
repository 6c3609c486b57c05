import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAnalyze, shared } from "./run-cli";

const report = join(shared, "realdata-dev", "tr_thy2023.pdf");

describe("npm run analyze -- FILE --json into a pipe", () => {
  it("delivers the whole JSON document of a 101-page KAP report, not its first 64 KiB", async () => {
    const { code, stdout } = await runAnalyze([report, "--json"]);
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
