import { describe, expect, it } from "vitest";
import { foldForMatching, turkishLowerCase, turkishUpperCase } from "./turkish-text";

describe("Turkish case rules", () => {
  it("lowers I to ı and İ to i", () => {
    expect(turkishLowerCase("KISA VADELİ")).toBe("kısa vadeli");
    expect(turkishLowerCase("İŞLETME")).toBe("işletme");
    expect(turkishLowerCase("DİĞER")).toBe("diğer");
  });

  it("raises i to İ and ı to I", () => {
    expect(turkishUpperCase("kısa vadeli")).toBe("KISA VADELİ");
    expect(turkishUpperCase("ticari")).toBe("TİCARİ");
  });

  it("round-trips Turkish text through upper and lower case", () => {
    for (const word of ["ılık", "işçi", "Iğdır", "İzmir", "ÇÖĞÜŞ"]) {
      expect(turkishLowerCase(turkishUpperCase(turkishLowerCase(word)))).toBe(turkishLowerCase(word));
    }
  });
});

describe("foldForMatching", () => {
  it("folds Turkish letters and circumflexes", () => {
    expect(foldForMatching("Dönem Net Kârı (Zararı)")).toBe("donem net kari zarari");
    expect(foldForMatching("DÖNEM NET KARI (ZARARI)")).toBe("donem net kari zarari");
    expect(foldForMatching("Şüpheli Ticari Alacaklar Karşılığı (-)")).toBe(
      "supheli ticari alacaklar karsiligi",
    );
    expect(foldForMatching("Yurtiçi Satışlar")).toBe("yurtici satislar");
    expect(foldForMatching("Hâsılat")).toBe("hasilat");
    expect(foldForMatching("Kısa")).toBe(foldForMatching("KISA"));
    expect(foldForMatching("KISA")).toBe("kisa");
  });

  it("treats English capitals the same way (the ı fold makes I harmless)", () => {
    expect(foldForMatching("TOTAL CURRENT LIABILITIES")).toBe("total current liabilities");
    expect(foldForMatching("Total current liabilities")).toBe("total current liabilities");
  });

  it("joins apostrophes and splits other punctuation", () => {
    expect(foldForMatching("Shareholders' funds")).toBe("shareholders funds");
    expect(foldForMatching("Total stockholders’ equity")).toBe("total stockholders equity");
    expect(foldForMatching("Property, plant and equipment, net")).toBe("property plant and equipment net");
    expect(foldForMatching("Non-current assets:")).toBe("non current assets");
    expect(foldForMatching("  Trade  &  other\treceivables ")).toBe("trade & other receivables");
  });

  it("undoes ligatures from PDF text layers", () => {
    expect(foldForMatching("Proﬁt for the year")).toBe("profit for the year");
  });
});
