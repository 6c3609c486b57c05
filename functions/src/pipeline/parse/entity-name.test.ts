import { describe, expect, it } from "vitest";
import type { Statement } from "../types";
import { documentEntity, entityNameFrom, namesSameEntity } from "./entity-name";

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
    // A founding year in parentheses belongs to the name; other figures make a line no name.
    expect(entityNameFrom(["THE WINDSOR (PENARTH) MASONIC HALL COMPANY (1927) LIMITED"])).toBe(
      "THE WINDSOR (PENARTH) MASONIC HALL COMPANY (1927) LIMITED",
    );
    expect(entityNameFrom(["Balaji Motion Pictures Limited Annual Report 2009-10 129"])).toBeUndefined();
  });

  it("gives the document the first entity named, with a tax number printed over any statement", () => {
    const statement = (entity?: string, taxId?: string) =>
      ({ type: "balance_sheet", ...(entity ? { entity } : {}), ...(taxId ? { taxId } : {}) }) as Statement;
    expect(documentEntity([statement(), statement("Acme Ltd"), statement(undefined, "00225951")])).toEqual({
      name: "Acme Ltd",
      taxId: "00225951",
    });
    expect(documentEntity([statement(undefined, "00225951")])).toBeUndefined();
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
