import { describe, expect, it } from "vitest";
import { mentionsRestatement } from "./inflation-restatement";

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
