import { describe, expect, it } from "vitest";
import { sampleAnalysisOutput } from "../../test/fixtures/sample-output";
import { reportFileName, slugify } from "./file-names";

describe("report file names", () => {
  it("turns Turkish letters into ASCII", () => {
    expect(slugify("Çağrı Şişe İmalat Öğütücü Ünitesi A.Ş.")).toBe("cagri-sise-imalat-ogutucu-unitesi-a-s");
  });

  it("names the report after the company and the latest period, or the document", () => {
    const output = sampleAnalysisOutput();
    expect(reportFileName(output, { name: "Ege Yıldız" }, "pdf")).toBe("finstat-ege-yildiz-2024-12-31.pdf");
    expect(reportFileName(output, undefined, "xlsx")).toBe(
      "finstat-ege-yildiz-2024-bilanco-gelir-tablosu-2024-12-31.xlsx",
    );
  });
});
