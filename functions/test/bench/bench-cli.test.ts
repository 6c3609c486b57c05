import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bench = join(import.meta.dirname, "../../src/cli/bench.ts");
const tsx = join(import.meta.dirname, "../../../node_modules/.bin/tsx");

describe("npm run bench (scoring dry run: the truth scored as the output)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "finstat-bench-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("generates the corpus, prints the per-variant table, writes bench.json and exits 0 under --check", async () => {
    const { stdout } = await run(tsx, [
      bench,
      ...[
        "--truth-as-output",
        "--check",
        "--count",
        "1",
        "--variants",
        "digital",
        "--styles",
        "us,thp",
        "--native",
        "0",
      ],
      ...["--out", join(dir, "out"), "--corpus", join(dir, "corpus")],
    ]);
    expect(stdout).toMatch(/digital\s+2\s+\d+\s+100\.00%/);
    expect(stdout).toContain("targets: all met");
    const report = JSON.parse(await readFile(join(dir, "out", "bench.json"), "utf8"));
    expect(report.byVariant).toEqual([
      expect.objectContaining({ group: "digital", documents: 2, accuracy: 1 }),
    ]);
    expect(report.documents.map((d: { id: string }) => d.id).sort()).toEqual([
      "thp-s1-000-digital",
      "us-s1-000-digital",
    ]);
  });

  it("rejects an unknown variant with a usage message and exit code 2", async () => {
    const failure = await run(tsx, [bench, "--variants", "scan999"]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain("unknown variant: scan999");
  });
});
