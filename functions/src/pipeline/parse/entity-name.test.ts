import { describe, expect, it } from "vitest";
import { entityNameFrom, namesSameEntity } from "./entity-name";

describe("the reporting entity over a statement", () => {
  it("takes the line with a legal form, not the title, date or unit lines around it", () => {
    expect(
      entityNameFrom([
        "ÖRNEK TİCARET A.Ş.",
        "31 Aralık 2024 Tarihli Finansal Durum Tablosu (Bilanço)",
        "(Tutarlar Türk Lirası (TL) olarak gösterilmiştir)",
      ]),
    ).toBe("ÖRNEK TİCARET A.Ş.");
    expect(entityNameFrom(["Clicks Group Limited", "Statement of financial position"])).toBe(
      "Clicks Group Limited",
    );
    expect(entityNameFrom(["TÜRK HAVA YOLLARI ANONİM ORTAKLIĞI VE BAĞLI ORTAKLIKLARI"])).toBe(
      "TÜRK HAVA YOLLARI ANONİM ORTAKLIĞI VE BAĞLI ORTAKLIKLARI",
    );
    expect(entityNameFrom(["Notes to the financial statements of Acme Ltd"])).toBeUndefined();
    expect(entityNameFrom(["31 December 2024", "R'000"])).toBeUndefined();
    expect(entityNameFrom(["WINDSOR PENARTH MASONIC HALL", "LIMITED"])).toBeUndefined();
  });

  it("matches names by a distinctive word, whatever the case, dots and legal form", () => {
    expect(namesSameEntity("ÖRNEK TİCARET A.Ş.", "Örnek Ticaret A.Ş.")).toBe(true);
    expect(
      namesSameEntity("TÜRK HAVA YOLLARI ANONİM ORTAKLIĞI VE BAĞLI ORTAKLIKLARI", "Türk Hava Yolları"),
    ).toBe(true);
    expect(namesSameEntity("CLICKS GROUP LIMITED", "Clicks")).toBe(true);
    expect(namesSameEntity("TOPLAMSIZ A.Ş.", "Örnek Ticaret A.Ş.")).toBe(false);
    expect(namesSameEntity("Pentagon Steel Corporation", "Gbs Holdings Inc.")).toBe(false);
    // Nothing distinctive to compare: no warning.
    expect(namesSameEntity("Holding A.Ş.", "Örnek Ticaret A.Ş.")).toBe(true);
  });
});
