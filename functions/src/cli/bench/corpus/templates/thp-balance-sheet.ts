import type { CanonicalKey } from "../../../../pipeline/types";
import { StatementRows } from "../statement-rows";
import type { TemplateContext } from "./template";

/** THP detailed balance sheet: Roman-numeral sections, lettered groups, 3-digit accounts. */
export function thpBalanceSheet(ctx: TemplateContext): StatementRows {
  const { spec, rng } = ctx;
  const rows = new StatementRows("bs");
  const contra = spec.contraUnsigned ? -1 : 1;
  const show = spec.groupSubtotals;
  const optional = (probability: number) => rng.chance(probability);

  const sectionStart = (
    label: string,
    totalLabel: string,
    key: CanonicalKey,
    body: (r: StatementRows) => void,
  ) => {
    if (spec.sectionTotalsAtEnd) {
      rows.heading(label);
      const start = rows.rows.length;
      body(rows);
      const parts = rows.rows
        .slice(start)
        .filter((r) => r.level === 1 && r.role !== "heading")
        .map((r) => r.id);
      return rows.total(totalLabel, parts, { key });
    }
    return rows.group(label, { key, bold: true }, body);
  };

  rows.heading("AKTİF (VARLIKLAR)");
  const current = sectionStart(
    "I. DÖNEN VARLIKLAR",
    "DÖNEN VARLIKLAR TOPLAMI",
    "total_current_assets",
    (r) => {
      r.group("A. Hazır Değerler", { level: 1, key: "cash_and_equivalents", showValue: show }, (g) => {
        g.leaf("Kasa", ["cash_on_hand"], { code: "100", level: 2 });
        g.leaf("Bankalar", ["cash_bank"], { code: "102", level: 2 });
        if (optional(0.6))
          g.leaf("Diğer Hazır Değerler", ["cash_other"], { code: "108", level: 2, blankable: true });
      });
      if (optional(0.6))
        r.group("B. Menkul Kıymetler", { level: 1, key: "short_term_investments", showValue: show }, (g) => {
          g.leaf("Hisse Senetleri", ["st_investments"], { code: "110", level: 2, blankable: true });
        });
      r.group("C. Ticari Alacaklar", { level: 1, key: "trade_receivables", showValue: show }, (g) => {
        g.leaf("Alıcılar", ["tr_customers"], { code: "120", level: 2 });
        g.leaf("Alacak Senetleri", ["tr_notes"], { code: "121", level: 2, blankable: true });
        if (optional(0.5))
          g.leaf("Şüpheli Ticari Alacaklar Karşılığı (-)", ["tr_allowance"], {
            code: "129",
            level: 2,
            printedSign: contra,
          });
      });
      r.group("D. Diğer Alacaklar", { level: 1, key: "other_receivables", showValue: show }, (g) => {
        g.leaf("Ortaklardan Alacaklar", ["or_shareholders"], { code: "131", level: 2, blankable: true });
        g.leaf("Diğer Çeşitli Alacaklar", ["or_other"], { code: "136", level: 2 });
      });
      r.group("E. Stoklar", { level: 1, key: "inventories", showValue: show }, (g) => {
        g.leaf("İlk Madde ve Malzeme", ["inv_raw"], { code: "150", level: 2 });
        g.leaf("Ticari Mallar", ["inv_goods"], { code: "153", level: 2 });
        if (optional(0.5)) g.leaf("Diğer Stoklar", ["inv_other"], { code: "157", level: 2, blankable: true });
      });
      r.group(
        "H. Gelecek Aylara Ait Giderler ve Gelir Tahakkukları",
        { level: 1, key: "prepaid_expenses", showValue: show },
        (g) => {
          g.leaf("Gelecek Aylara Ait Giderler", ["prepaid_current"], { code: "180", level: 2 });
        },
      );
      r.group("I. Diğer Dönen Varlıklar", { level: 1, key: "other_current_assets", showValue: show }, (g) => {
        g.leaf("Devreden KDV", ["oca_vat"], { code: "190", level: 2 });
        g.leaf("İş Avansları", ["oca_advances"], { code: "195", level: 2, blankable: true });
      });
    },
  );
  const nonCurrent = sectionStart(
    "II. DURAN VARLIKLAR",
    "DURAN VARLIKLAR TOPLAMI",
    "total_non_current_assets",
    (r) => {
      r.group(
        "D. Maddi Duran Varlıklar",
        { level: 1, key: "property_plant_equipment", showValue: show },
        (g) => {
          g.leaf("Arazi ve Arsalar", ["ppe_land"], { code: "250", level: 2 });
          g.leaf("Binalar", ["ppe_buildings"], { code: "252", level: 2 });
          g.leaf("Tesis, Makine ve Cihazlar", ["ppe_machinery"], { code: "253", level: 2 });
          g.leaf("Taşıtlar", ["ppe_vehicles"], { code: "254", level: 2 });
          g.leaf("Demirbaşlar", ["ppe_fixtures"], { code: "255", level: 2 });
          g.leaf("Birikmiş Amortismanlar (-)", ["ppe_accumulated_depreciation"], {
            code: "257",
            level: 2,
            printedSign: contra,
          });
        },
      );
      r.group(
        "E. Maddi Olmayan Duran Varlıklar",
        { level: 1, key: "intangible_assets", showValue: show },
        (g) => {
          g.leaf("Haklar", ["int_rights"], { code: "260", level: 2 });
          g.leaf("Özel Maliyetler", ["int_leasehold"], { code: "264", level: 2, blankable: true });
          g.leaf("Birikmiş Amortismanlar (-)", ["int_accumulated_amortisation"], {
            code: "268",
            level: 2,
            printedSign: contra,
          });
        },
      );
      if (optional(0.6))
        r.group(
          "G. Gelecek Yıllara Ait Giderler ve Gelir Tahakkukları",
          { level: 1, key: "other_non_current_assets", showValue: show },
          (g) => {
            g.leaf("Gelecek Yıllara Ait Giderler", ["nca_prepaid"], {
              code: "280",
              level: 2,
              blankable: true,
            });
          },
        );
      r.group(
        "H. Diğer Duran Varlıklar",
        { level: 1, key: "other_non_current_assets", showValue: show },
        (g) => {
          g.leaf("Elden Çıkarılacak Stoklar ve Maddi Duran Varlıklar", ["nca_other"], {
            code: "294",
            level: 2,
          });
        },
      );
    },
  );
  rows.total("AKTİF TOPLAMI", [current, nonCurrent], { key: "total_assets", grand: true });

  if (spec.continueBalanceSheet) rows.breakPageBeforeNext();
  rows.heading("PASİF (KAYNAKLAR)");
  const shortTerm = sectionStart(
    "III. KISA VADELİ YABANCI KAYNAKLAR",
    "KISA VADELİ YABANCI KAYNAKLAR TOPLAMI",
    "total_current_liabilities",
    (r) => {
      r.group("A. Mali Borçlar", { level: 1, key: "short_term_borrowings", showValue: show }, (g) => {
        g.leaf("Banka Kredileri", ["stb_bank"], { code: "300", level: 2 });
        if (optional(0.6))
          g.leaf("Uzun Vadeli Kredilerin Anapara Taksitleri ve Faizleri", ["stb_current_portion"], {
            code: "303",
            level: 2,
            blankable: true,
          });
      });
      r.group("B. Ticari Borçlar", { level: 1, key: "trade_payables", showValue: show }, (g) => {
        g.leaf("Satıcılar", ["tp_suppliers"], { code: "320", level: 2 });
        g.leaf("Borç Senetleri", ["tp_notes"], { code: "321", level: 2, blankable: true });
      });
      r.group("C. Diğer Borçlar", { level: 1, key: "other_current_liabilities", showValue: show }, (g) => {
        g.leaf("Ortaklara Borçlar", ["ocl_payables"], { code: "331", level: 2 });
        g.leaf("Personele Borçlar", ["ocl_employees"], { code: "335", level: 2 });
      });
      r.group(
        "F. Ödenecek Vergi ve Diğer Yükümlülükler",
        { level: 1, key: "other_current_liabilities", showValue: show },
        (g) => {
          g.leaf("Ödenecek Vergi ve Fonlar", ["ocl_taxes"], { code: "360", level: 2 });
        },
      );
      if (optional(0.5))
        r.group(
          "G. Borç ve Gider Karşılıkları",
          { level: 1, key: "other_current_liabilities", showValue: show },
          (g) => {
            g.leaf("Diğer Borç ve Gider Karşılıkları", ["ocl_provisions"], {
              code: "379",
              level: 2,
              blankable: true,
            });
          },
        );
    },
  );
  const longTerm = sectionStart(
    "IV. UZUN VADELİ YABANCI KAYNAKLAR",
    "UZUN VADELİ YABANCI KAYNAKLAR TOPLAMI",
    "total_non_current_liabilities",
    (r) => {
      r.group("A. Mali Borçlar", { level: 1, key: "long_term_borrowings", showValue: show }, (g) => {
        g.leaf("Banka Kredileri", ["ltb_bank"], { code: "400", level: 2 });
        if (optional(0.5))
          g.leaf("Finansal Kiralama İşlemlerinden Borçlar", ["ltb_leases"], {
            code: "401",
            level: 2,
            blankable: true,
          });
      });
      r.group(
        "E. Borç ve Gider Karşılıkları",
        { level: 1, key: "other_non_current_liabilities", showValue: show },
        (g) => {
          g.leaf("Kıdem Tazminatı Karşılığı", ["oncl_severance"], { code: "472", level: 2 });
        },
      );
    },
  );
  const equity = sectionStart("V. ÖZKAYNAKLAR", "ÖZKAYNAKLAR TOPLAMI", "total_equity", (r) => {
    r.group("A. Ödenmiş Sermaye", { level: 1, key: "share_capital", showValue: show }, (g) => {
      g.leaf("Sermaye", ["eq_capital"], { code: "500", level: 2 });
      if (optional(0.4))
        g.leaf("Ödenmemiş Sermaye (-)", ["eq_unpaid_capital"], {
          code: "501",
          level: 2,
          printedSign: contra,
        });
    });
    r.group("C. Kâr Yedekleri", { level: 1, showValue: show }, (g) => {
      g.leaf("Yasal Yedekler", ["eq_reserves"], { code: "540", level: 2 });
    });
    r.group("D. Geçmiş Yıllar Kârları", { level: 1, key: "retained_earnings", showValue: show }, (g) => {
      g.leaf("Geçmiş Yıllar Kârları", ["eq_retained"], { code: "570", level: 2 });
    });
    r.leaf("F. Dönem Net Kârı (Zararı)", ["eq_current_profit"], { level: 1, key: "current_year_profit" });
  });
  rows.total("PASİF TOPLAMI", [shortTerm, longTerm, equity], {
    key: "total_liabilities_and_equity",
    grand: true,
  });
  return rows;
}
