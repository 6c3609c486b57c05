import { describe, expect, it } from "vitest";
import type { Statement } from "../types";
import { applyRestatementStance, mentionsRestatement, restatementStance } from "./inflation-restatement";

describe("a heading that says the statement is restated for inflation", () => {
  it("reads the Turkish and English wordings of TMS 29 / IAS 29", () => {
    expect(
      mentionsRestatement(
        "(Tutarlar, aksi belirtilmedikçe, 31 Aralık 2024 tarihindeki satın alma gücü cinsinden Türk Lirası olarak ifade edilmiştir.)",
      ),
    ).toBe(true);
    expect(mentionsRestatement("ENFLASYON ETKİSİNE GÖRE DÜZELTİLMİŞ BİLANÇO")).toBe(true);
    expect(mentionsRestatement("TMS 29 Yüksek Enflasyonlu Ekonomilerde Finansal Raporlama")).toBe(true);
    expect(
      mentionsRestatement("in terms of the purchasing power of the Turkish lira at 31 December 2024"),
    ).toBe(true);
  });

  it("is false for an ordinary unit line", () => {
    expect(mentionsRestatement("(Tutarlar Türk Lirası (TL) olarak gösterilmiştir)")).toBe(false);
    expect(mentionsRestatement("Amounts in thousands of US dollars")).toBe(false);
  });
});

describe("what a report's notes say of TMS 29", () => {
  it("reads an application of TMS 29 in a note as the report's stance", () => {
    expect(
      restatementStance([
        "Yüksek enflasyonlu ekonomilerde finansal raporlama",
        "Grup, 31 Aralık 2023 tarihinde sona eren yıllık raporlama dönemine ait finansal tablolarından itibaren TMS 29 Yüksek Enflasyonlu Ekonomilerde Finansal Raporlama Standardına göre enflasyon muhasebesi uygulamaya başlamıştır.",
      ]),
    ).toBe("applied");
    expect(
      restatementStance([
        "IAS 29 Financial Reporting in Hyperinflationary Economies. The financial statements are stated in terms of the measuring unit current at the end of the reporting period.",
      ]),
    ).toBe("applied");
  });

  it("takes a refusal over an explanation of the standard", () => {
    expect(
      restatementStance([
        "Finansal tabloların TMS 29 kapsamında satın alma gücünde hazırlanması gerekir.",
        "BDDK, bankaların finansal tablolarının TMS 29 kapsamında yapılması gereken enflasyon düzeltmesine tabi tutulmamasına karar vermiştir.",
      ]),
    ).toBe("not_applied");
    expect(restatementStance(["IAS 29 has not been applied as the economy is not hyperinflationary."])).toBe(
      "not_applied",
    );
  });

  it("says nothing when the standard is not mentioned or only named", () => {
    expect(restatementStance(["Satış gelirleri TFRS 15 kapsamında muhasebeleştirilir."])).toBeUndefined();
    expect(restatementStance(["TMS 29 Yüksek Enflasyonlu Ekonomilerde Finansal Raporlama"])).toBeUndefined();
  });

  it("marks lira statements from 2023 on as restated, and leaves older years and other currencies", () => {
    const statement = (currency: string, end: string) =>
      ({ currency, periods: [{ id: end, label: end, end }] }) as unknown as Statement;
    const statements = [
      statement("TRY", "2023-12-31"),
      statement("TRY", "2022-12-31"),
      statement("USD", "2024-12-31"),
    ];
    applyRestatementStance(statements, "applied");
    expect(statements.map((s) => s.restated)).toEqual([true, undefined, undefined]);
    const refused = [statement("TRY", "2024-12-31")];
    applyRestatementStance(refused, "not_applied");
    expect(refused[0]!.restated).toBeUndefined();
  });
});
