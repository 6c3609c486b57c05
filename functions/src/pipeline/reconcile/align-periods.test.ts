import { describe, expect, it } from "vitest";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import { alignPeriods } from "./align-periods";
import { createPageText } from "./page-text";

describe("alignPeriods", () => {
  it("matches by id, then end date, heading, year, and by position only as a last resort", () => {
    const target = [
      { id: "2024-12-31", label: "31.12.2024", end: "2024-12-31" },
      { id: "2023-12-31", label: "31.12.2023", end: "2023-12-31" },
    ];
    expect(alignPeriods(target, [{ id: "2023-12-31", label: "2023" }])).toEqual(
      new Map([["2023-12-31", "2023-12-31"]]),
    );
    expect(alignPeriods(target, [{ id: "period_1", label: "Cari Dönem 2024" }])).toEqual(
      new Map([["period_1", "2024-12-31"]]),
    );
    expect(
      alignPeriods(
        [
          { id: "current", label: "Cari Dönem" },
          { id: "prior", label: "Önceki Dönem" },
        ],
        [
          { id: "period_1", label: "CARİ DÖNEM" },
          { id: "period_2", label: "ÖNCEKİ DÖNEM" },
        ],
      ),
    ).toEqual(
      new Map([
        ["period_1", "current"],
        ["period_2", "prior"],
      ]),
    );
    expect(
      alignPeriods(target, [
        { id: "a", label: "x" },
        { id: "b", label: "y" },
      ]).get("b"),
    ).toBe("2023-12-31");
    expect(alignPeriods(target, [{ id: "a", label: "x" }]).size).toBe(0);
  });
});

describe("createPageText", () => {
  const ocr = pageFromText(
    "Ticari Alacaklar 1.234\nKısa Vadeli Borçlanmalar 99\nDönen Varlıklar Toplamı 5.000",
    { source: "ocr", page: 1 },
  );
  const text = pageFromText("Trade receivables 1,234\nTotal assets 5,000\nShare capital 100", { page: 2 });
  const blank = pageFromText("", { page: 3, source: "ocr" });
  const onPage = createPageText([ocr, text, blank]);

  it("finds labels despite case, diacritics and an OCR slip", () => {
    expect(onPage("TİCARİ ALACAKLAR", 1)).toBe(true);
    expect(onPage("Kisa Vadeli Borclanmalar", 1)).toBe(true);
    expect(onPage("Dönen Varlıklar Toplamu", 1)).toBe(true);
    expect(onPage("Trade receivables", 2)).toBe(true);
  });

  it("says a label is absent when its words are not on the page, and cannot tell on a page without text", () => {
    expect(onPage("Türev Finansal Araçlar", 1)).toBe(false);
    expect(onPage("Derivative financial instruments", 2)).toBe(false);
    expect(onPage("Anything", 3)).toBeUndefined();
  });
});
