import type { StatementType } from "../../../../pipeline/types";
import { StatementRows } from "../statement-rows";
import {
  dottedDate,
  notedLine,
  type PeriodColumn,
  periodStart,
  type StatementTemplate,
  type TemplateContext,
  TURKISH_MONTHS,
} from "./template";

/** TFRS statements in the KAP layout: a Dipnot column, audited current and prior period headers. */
export function tfrsTemplate(ctx: TemplateContext, type: StatementType): StatementTemplate {
  const { spec } = ctx;
  const end = `${spec.fiscalYear}-${spec.yearEnd}`;
  const [year, month, day] = end.split("-");
  const unitLine = {
    1: "(Tutarlar aksi belirtilmedikçe Türk Lirası (“TL”) olarak ifade edilmiştir.)",
    1000: "(Tutarlar aksi belirtilmedikçe Bin Türk Lirası (“Bin TL”) olarak ifade edilmiştir.)",
    1000000: "(Tutarlar aksi belirtilmedikçe milyon Türk Lirası olarak ifade edilmiştir.)",
  }[spec.unit];
  const audited = ["Bağımsız", "Denetimden", "Geçmiş"];
  const base = { unitLine, noteHeader: spec.notesColumn ? "Dipnot" : undefined };
  if (type === "balance_sheet") {
    return {
      ...base,
      type,
      rows: balanceSheet(ctx),
      title: [
        spec.company,
        `${day} ${TURKISH_MONTHS[month ?? ""]?.toLocaleUpperCase("tr")} ${year} TARİHİ İTİBARIYLA`,
        "FİNANSAL DURUM TABLOSU",
      ],
      columnHeader: (p: PeriodColumn) => [
        ...audited,
        p.current ? "Cari Dönem" : "Önceki Dönem",
        dottedDate(p.end),
      ],
      continued: "FİNANSAL DURUM TABLOSU (devamı)",
    };
  }
  return {
    ...base,
    type,
    rows: incomeStatement(ctx),
    title: [
      spec.company,
      `${day} ${TURKISH_MONTHS[month ?? ""]?.toLocaleUpperCase("tr")} ${year} TARİHİNDE SONA EREN YILA AİT`,
      "KÂR VEYA ZARAR TABLOSU",
    ],
    columnHeader: (p: PeriodColumn) => [
      ...audited,
      p.current ? "Cari Dönem" : "Önceki Dönem",
      `${dottedDate(periodStart(p.end))}-`,
      dottedDate(p.end),
    ],
    continued: "KÂR VEYA ZARAR TABLOSU (devamı)",
  };
}

function balanceSheet(ctx: TemplateContext): StatementRows {
  const { spec, rng, note } = ctx;
  const rows = new StatementRows("bs");
  const line = notedLine(rows, note);

  rows.heading("VARLIKLAR");
  rows.heading("Dönen Varlıklar", { level: 0 });
  const current = [
    line("Nakit ve Nakit Benzerleri", ["cash_on_hand", "cash_bank", "cash_other"], "cash_and_equivalents"),
    line("Finansal Yatırımlar", ["st_investments"], "short_term_investments", true),
  ];
  if (rng.chance(0.5)) {
    current.push(
      rows.group("Ticari Alacaklar", { level: 1, key: "trade_receivables", note: note() }, (g) => {
        g.leaf("İlişkili Taraflardan Ticari Alacaklar", ["tr_notes"], { level: 2 });
        g.leaf("İlişkili Olmayan Taraflardan Ticari Alacaklar", ["tr_customers", "tr_allowance"], {
          level: 2,
        });
      }),
    );
  } else {
    current.push(line("Ticari Alacaklar", ["tr_customers", "tr_notes", "tr_allowance"], "trade_receivables"));
  }
  current.push(
    line("Diğer Alacaklar", ["or_shareholders", "or_other"], "other_receivables"),
    line("Stoklar", ["inv_raw", "inv_goods", "inv_other"], "inventories"),
    line("Peşin Ödenmiş Giderler", ["prepaid_current"], "prepaid_expenses", true),
    line("Diğer Dönen Varlıklar", ["oca_vat", "oca_advances"], "other_current_assets"),
  );
  const totalCurrent = rows.total("TOPLAM DÖNEN VARLIKLAR", current, { key: "total_current_assets" });
  rows.heading("Duran Varlıklar", { level: 0 });
  const nonCurrent = [
    line(
      "Maddi Duran Varlıklar",
      [
        "ppe_land",
        "ppe_buildings",
        "ppe_machinery",
        "ppe_vehicles",
        "ppe_fixtures",
        "ppe_accumulated_depreciation",
      ],
      "property_plant_equipment",
    ),
    line(
      "Maddi Olmayan Duran Varlıklar",
      ["int_rights", "int_leasehold", "int_accumulated_amortisation"],
      "intangible_assets",
    ),
    line("Peşin Ödenmiş Giderler", ["nca_prepaid"], "other_non_current_assets", true),
    line("Diğer Duran Varlıklar", ["nca_other"], "other_non_current_assets"),
  ];
  const totalNonCurrent = rows.total("TOPLAM DURAN VARLIKLAR", nonCurrent, {
    key: "total_non_current_assets",
  });
  rows.total("TOPLAM VARLIKLAR", [totalCurrent, totalNonCurrent], { key: "total_assets", grand: true });

  if (spec.continueBalanceSheet) rows.breakPageBeforeNext();
  rows.heading("KAYNAKLAR");
  rows.heading("Kısa Vadeli Yükümlülükler", { level: 0 });
  const shortTerm = [
    line("Kısa Vadeli Borçlanmalar", ["stb_bank"], "short_term_borrowings"),
    line(
      "Uzun Vadeli Borçlanmaların Kısa Vadeli Kısımları",
      ["stb_current_portion"],
      "short_term_borrowings",
      true,
    ),
    line("Ticari Borçlar", ["tp_suppliers", "tp_notes"], "trade_payables"),
    line("Çalışanlara Sağlanan Faydalar Kapsamında Borçlar", ["ocl_employees"], "other_current_liabilities"),
    line("Diğer Borçlar", ["ocl_payables"], "other_current_liabilities"),
    line("Dönem Karı Vergi Yükümlülüğü", ["ocl_taxes"], "other_current_liabilities"),
    line("Kısa Vadeli Karşılıklar", ["ocl_provisions"], "other_current_liabilities", true),
  ];
  const totalShort = rows.total("TOPLAM KISA VADELİ YÜKÜMLÜLÜKLER", shortTerm, {
    key: "total_current_liabilities",
  });
  rows.heading("Uzun Vadeli Yükümlülükler", { level: 0 });
  const longTerm = [
    line("Uzun Vadeli Borçlanmalar", ["ltb_bank", "ltb_leases"], "long_term_borrowings"),
    line("Uzun Vadeli Karşılıklar", ["oncl_severance"], "other_non_current_liabilities"),
    line("Ertelenmiş Vergi Yükümlülüğü", ["oncl_deferred_tax"], "other_non_current_liabilities", true),
  ];
  const totalLong = rows.total("TOPLAM UZUN VADELİ YÜKÜMLÜLÜKLER", longTerm, {
    key: "total_non_current_liabilities",
  });
  const liabilities = rows.total("TOPLAM YÜKÜMLÜLÜKLER", [totalShort, totalLong], {
    key: "total_liabilities",
  });
  rows.heading("ÖZKAYNAKLAR", { level: 0 });
  const equity = [
    line("Ödenmiş Sermaye", ["eq_capital"], "share_capital"),
    line("Kardan Ayrılan Kısıtlanmış Yedekler", ["eq_reserves"]),
    line("Geçmiş Yıllar Karları (Zararları)", ["eq_retained"], "retained_earnings"),
    line("Net Dönem Karı (Zararı)", ["eq_current_profit"], "current_year_profit"),
  ];
  const totalEquity = rows.total("TOPLAM ÖZKAYNAKLAR", equity, { key: "total_equity" });
  rows.total("TOPLAM KAYNAKLAR", [liabilities, totalEquity], {
    key: "total_liabilities_and_equity",
    grand: true,
  });
  return rows;
}

function incomeStatement(ctx: TemplateContext): StatementRows {
  const { note } = ctx;
  const rows = new StatementRows("is");
  const line = notedLine(rows, note);

  rows.heading("KAR VEYA ZARAR KISMI");
  const revenue = line(
    "Hasılat",
    ["gs_domestic", "gs_export", "gs_other", "sd_returns", "sd_discounts", "sd_other"],
    "revenue",
  );
  const cost = line("Satışların Maliyeti (-)", ["cos_products", "cos_goods"], "cost_of_sales");
  const gross = rows.total("BRÜT KAR (ZARAR)", [revenue, cost], { key: "gross_profit" });
  const operating = rows.total(
    "ESAS FAALİYET KARI (ZARARI)",
    [
      gross,
      line("Genel Yönetim Giderleri (-)", ["opex_admin"], "operating_expenses"),
      line("Pazarlama Giderleri (-)", ["opex_selling"], "operating_expenses"),
      line("Araştırma ve Geliştirme Giderleri (-)", ["opex_research"], "operating_expenses", true),
      line("Esas Faaliyetlerden Diğer Gelirler", ["ooi_fx", "ooi_other"], "other_operating_income"),
      line("Esas Faaliyetlerden Diğer Giderler (-)", ["ooe_fx", "ooe_other"], "other_operating_expense"),
    ],
    { key: "operating_profit" },
  );
  const beforeFinance = rows.total("FİNANSMAN GELİRİ (GİDERİ) ÖNCESİ FAALİYET KARI (ZARARI)", [
    operating,
    line("Yatırım Faaliyetlerinden Gelirler", ["xo_income"]),
    line("Yatırım Faaliyetlerinden Giderler (-)", ["xo_expense"]),
  ]);
  const beforeTax = rows.total(
    "SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ KARI (ZARARI)",
    [
      beforeFinance,
      line("Finansman Gelirleri", ["fin_income"], "finance_income"),
      line("Finansman Giderleri (-)", ["fin_expense_short", "fin_expense_long"], "finance_expense"),
    ],
    { key: "profit_before_tax" },
  );
  const tax = rows.group(
    "Sürdürülen Faaliyetler Vergi (Gideri) Geliri",
    { level: 1, key: "income_tax_expense", note: note() },
    (g) => {
      g.leaf("Dönem Vergi (Gideri) Geliri", ["tax_current"], { level: 2 });
      g.leaf("Ertelenmiş Vergi (Gideri) Geliri", ["tax_deferred"], { level: 2 });
    },
  );
  rows.total("DÖNEM KARI (ZARARI)", [beforeTax, tax], { key: "net_income", grand: true });
  return rows;
}
