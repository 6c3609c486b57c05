import { describe, expect, it } from "vitest";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import { extractStatements } from "./extract";

// The corpus generator's seed-11 THP income statement: "C. Net Satışlar" printed with its value
// and no accounts, the 620/621 below it under "D. Satışların Maliyeti (-)", a heading without
// figures. Once read as Net Satışlar's accounts, it failed two checks on a correct statement.
const page = pageFromText(`
                 01.01.2022 - 31.12.2022 DÖNEMİNE AİT GELİR TABLOSU
                                        (TL)
                                                         CARİ DÖNEM        ÖNCEKİ DÖNEM
Hesap Kodu                                               31.12.2022          31.12.2021
       A. Brüt Satışlar
600     Yurt İçi Satışlar                              4.284.819,15       12.881.621,79
601     Yurt Dışı Satışlar                            12.328.502,94        7.040.718,15
602     Diğer Gelirler                                 9.218.075,43        5.778.341,91
       B. Satış İndirimleri (-)
610     Satıştan İadeler (-)                             197.633,30          211.469,30
611     Satış İskontoları (-)                            182.798,30          244.681,16
612     Diğer İndirimler (-)                              52.179,62          222.134,23
       C. Net Satışlar                                25.398.786,30       25.022.397,16
       D. Satışların Maliyeti (-)
620     Satılan Mamuller Maliyeti (-)                  7.305.690,62        7.418.493,51
621     Satılan Ticari Mallar Maliyeti (-)             8.063.011,36        7.396.210,64
       BRÜT SATIŞ KÂRI VEYA ZARARI                    10.030.084,32       10.207.693,01
       E. Faaliyet Giderleri (-)
630     Araştırma ve Geliştirme Giderleri (-)          1.292.194,54        1.540.932,96
631     Pazarlama Satış ve Dağıtım Giderleri (-)       1.246.761,90        1.190.625,32
632     Genel Yönetim Giderleri (-)                    1.391.581,17        1.306.546,82
       FAALİYET KÂRI VEYA ZARARI                       6.099.546,71        6.169.587,91
`);

describe("THP income statement: a lettered line with a value, then another group's accounts", () => {
  const [statement] = extractStatements([page]).statements;

  it("passes every check: 620/621 are cost of sales, not Net Satışlar's accounts", () => {
    expect(statement?.checks.filter((c) => !c.ok)).toEqual([]);
    expect(statement?.checks.some((c) => c.rule === "Net Satışlar = sum of its accounts")).toBe(false);
    expect(statement?.flagged).toBe(false);
  });

  it("still checks the gross profit against net sales and the costs between them", () => {
    const chain = statement?.checks.filter((c) => c.rule === "gross_profit = revenue + lines between");
    expect(chain?.map((c) => c.ok)).toEqual([true, true]);
    expect(statement?.canonical.cost_of_sales?.["2022-12-31"]).toBeCloseTo(-15_368_701.98, 2);
  });
});
