import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeReports } from "../../src/cli/write-reports";
import { sampleAnalysisOutput, sampleCompany } from "../fixtures/sample-output";

describe("writeReports (analyze --out DIR)", () => {
  it("writes the workbook and the PDF into a directory it creates", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finstat-out-"));
    try {
      const out = join(dir, "raporlar", "2024");
      const written = await writeReports(sampleAnalysisOutput(), out, {
        language: "en",
        company: sampleCompany,
      });
      expect(written.map((path) => basename(path))).toEqual([
        "finstat-ege-yildiz-gida-sanayi-ve-ticaret-a-s-2024-12-31.xlsx",
        "finstat-ege-yildiz-gida-sanayi-ve-ticaret-a-s-2024-12-31.pdf",
      ]);
      const [xlsx, pdf] = await Promise.all(written.map((path) => readFile(path)));
      expect(xlsx!.subarray(0, 2).toString()).toBe("PK");
      expect(pdf!.subarray(0, 5).toString()).toBe("%PDF-");
      expect(written.every((path) => path.startsWith(out))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
