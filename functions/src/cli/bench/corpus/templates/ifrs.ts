import type { StatementType } from "../../../../pipeline/types";
import { StatementRows } from "../statement-rows";
import {
  ENGLISH_MONTHS,
  notedLine,
  type PeriodColumn,
  type StatementTemplate,
  type TemplateContext,
} from "./template";

const CURRENCY_WORDS: Record<string, string> = {
  EUR: "euros",
  GBP: "pounds sterling",
  USD: "US dollars",
  TRY: "Turkish lira",
};

/** English IFRS statements: statement of financial position and of profit or loss, a Notes column. */
export function ifrsTemplate(ctx: TemplateContext, type: StatementType): StatementTemplate {
  const { spec, rng } = ctx;
  const [year, month, day] = `${spec.fiscalYear}-${spec.yearEnd}`.split("-");
  const monthName = ENGLISH_MONTHS[month ?? ""] ?? "";
  const words = CURRENCY_WORDS[spec.currency] ?? spec.currency;
  const unitLine = rng.chance(0.5)
    ? { 1: `(in ${words})`, 1000: `(in thousands of ${words})`, 1000000: `(in millions of ${words})` }[
        spec.unit
      ]
    : {
        1: `Amounts in ${spec.currency}`,
        1000: `${spec.currency} '000`,
        1000000: `${spec.currency} million`,
      }[spec.unit];
  const fullDate = rng.chance(0.5);
  const base = { unitLine, noteHeader: spec.notesColumn ? "Notes" : undefined };
  if (type === "balance_sheet") {
    return {
      ...base,
      type,
      rows: balanceSheet(ctx),
      title: [spec.company, "Statement of financial position", `as at ${Number(day)} ${monthName} ${year}`],
      columnHeader: (p: PeriodColumn) =>
        fullDate ? [`${Number(day)} ${monthName}`, String(p.year)] : [String(p.year)],
      continued: "Statement of financial position (continued)",
    };
  }
  return {
    ...base,
    type,
    rows: incomeStatement(ctx),
    title: [
      spec.company,
      "Statement of profit or loss",
      `for the year ended ${Number(day)} ${monthName} ${year}`,
    ],
    columnHeader: (p: PeriodColumn) => [String(p.year)],
    continued: "Statement of profit or loss (continued)",
  };
}

function balanceSheet(ctx: TemplateContext): StatementRows {
  const { spec, note } = ctx;
  const rows = new StatementRows("bs");
  const line = notedLine(rows, note);

  const nonCurrentAssets = () => {
    rows.heading("Non-current assets", { level: 0 });
    const parts = [
      line(
        "Property, plant and equipment",
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
        "Intangible assets",
        ["int_rights", "int_leasehold", "int_accumulated_amortisation"],
        "intangible_assets",
      ),
      line("Other non-current assets", ["nca_prepaid", "nca_other"], "other_non_current_assets"),
    ];
    return rows.total("Total non-current assets", parts, { key: "total_non_current_assets" });
  };
  const currentAssets = () => {
    rows.heading("Current assets", { level: 0 });
    const parts = [
      line("Inventories", ["inv_raw", "inv_goods", "inv_other"], "inventories"),
      line("Trade receivables", ["tr_customers", "tr_notes", "tr_allowance"], "trade_receivables"),
      line("Other receivables", ["or_shareholders", "or_other"], "other_receivables"),
      line("Prepayments", ["prepaid_current"], "prepaid_expenses", true),
      line("Other current assets", ["oca_vat", "oca_advances"], "other_current_assets"),
      line("Short-term investments", ["st_investments"], "short_term_investments", true),
      line("Cash and cash equivalents", ["cash_on_hand", "cash_bank", "cash_other"], "cash_and_equivalents"),
    ];
    return rows.total("Total current assets", parts, { key: "total_current_assets" });
  };

  rows.heading("ASSETS");
  const assetBlocks = spec.nonCurrentFirst
    ? [nonCurrentAssets(), currentAssets()]
    : [currentAssets(), nonCurrentAssets()];
  rows.total("Total assets", assetBlocks, { key: "total_assets", grand: true });

  if (spec.continueBalanceSheet) rows.breakPageBeforeNext();
  rows.heading("EQUITY AND LIABILITIES");
  rows.heading("Equity", { level: 0 });
  const equity = rows.total(
    "Total equity",
    [
      line("Share capital", ["eq_capital"], "share_capital"),
      line("Treasury shares", ["eq_treasury"]),
      line("Other reserves", ["eq_reserves"]),
      line("Retained earnings", ["eq_retained", "eq_current_profit"], "retained_earnings"),
    ],
    { key: "total_equity" },
  );
  rows.heading("Non-current liabilities", { level: 0 });
  const nonCurrent = rows.total(
    "Total non-current liabilities",
    [
      line("Borrowings", ["ltb_bank", "ltb_leases"], "long_term_borrowings"),
      line("Provisions", ["oncl_severance"], "other_non_current_liabilities"),
      line("Deferred tax liabilities", ["oncl_deferred_tax"], "other_non_current_liabilities", true),
    ],
    { key: "total_non_current_liabilities" },
  );
  rows.heading("Current liabilities", { level: 0 });
  const current = rows.total(
    "Total current liabilities",
    [
      line("Trade payables", ["tp_suppliers", "tp_notes"], "trade_payables"),
      line("Borrowings", ["stb_bank", "stb_current_portion"], "short_term_borrowings"),
      line("Current tax liabilities", ["ocl_taxes"], "other_current_liabilities"),
      line("Other payables", ["ocl_payables", "ocl_employees"], "other_current_liabilities"),
      line("Provisions", ["ocl_provisions"], "other_current_liabilities", true),
    ],
    { key: "total_current_liabilities" },
  );
  const liabilities = rows.total("Total liabilities", [nonCurrent, current], { key: "total_liabilities" });
  rows.total("Total equity and liabilities", [equity, liabilities], {
    key: "total_liabilities_and_equity",
    grand: true,
  });
  return rows;
}

function incomeStatement(ctx: TemplateContext): StatementRows {
  const { note } = ctx;
  const rows = new StatementRows("is");
  const line = notedLine(rows, note);

  const revenue = line(
    "Revenue",
    ["gs_domestic", "gs_export", "gs_other", "sd_returns", "sd_discounts", "sd_other"],
    "revenue",
  );
  const cost = line("Cost of sales", ["cos_products", "cos_goods"], "cost_of_sales");
  const gross = rows.total("Gross profit", [revenue, cost], { key: "gross_profit" });
  const operating = rows.total(
    "Operating profit",
    [
      gross,
      line("Distribution costs", ["opex_selling"], "operating_expenses"),
      line("Administrative expenses", ["opex_admin"], "operating_expenses"),
      line("Research and development expenses", ["opex_research"], "operating_expenses", true),
      line("Other income", ["ooi_fx", "ooi_other", "xo_income"], "other_operating_income"),
      line("Other expenses", ["ooe_fx", "ooe_other", "xo_expense"], "other_operating_expense"),
    ],
    { key: "operating_profit" },
  );
  const beforeTax = rows.total(
    "Profit before tax",
    [
      operating,
      line("Finance income", ["fin_income"], "finance_income"),
      line("Finance costs", ["fin_expense_short", "fin_expense_long"], "finance_expense"),
    ],
    { key: "profit_before_tax" },
  );
  const tax = line("Income tax expense", ["tax_current", "tax_deferred"], "income_tax_expense");
  rows.total("Profit for the year", [beforeTax, tax], { key: "net_income", grand: true });
  return rows;
}
