import type { CanonicalKey, StatementType } from "../../../../pipeline/types";
import { StatementRows } from "../statement-rows";
import { ENGLISH_MONTHS, type PeriodColumn, type StatementTemplate, type TemplateContext } from "./template";

/** US 10-K style: "Dollars in millions", years as headers under "June 30,", $ signs, expenses unsigned. */
export function usTemplate(ctx: TemplateContext, type: StatementType): StatementTemplate {
  const { spec } = ctx;
  const [, month, day] = `${spec.fiscalYear}-${spec.yearEnd}`.split("-");
  const monthDay = `${ENGLISH_MONTHS[month ?? ""]} ${Number(day)}`;
  const unitLine = { 1: "(In dollars)", 1000: "(Dollars in thousands)", 1000000: "(Dollars in millions)" }[
    spec.unit
  ];
  const columnHeader = (p: PeriodColumn) => [String(p.year)];
  if (type === "balance_sheet") {
    return {
      type,
      rows: balanceSheet(ctx),
      title: [spec.company, "CONSOLIDATED BALANCE SHEETS"],
      unitLine,
      spanningHeader: `${monthDay},`,
      columnHeader,
      continued: "CONSOLIDATED BALANCE SHEETS (Continued)",
    };
  }
  return {
    type,
    rows: incomeStatement(ctx),
    title: [spec.company, "CONSOLIDATED STATEMENTS OF EARNINGS"],
    unitLine,
    spanningHeader: `Years ended ${monthDay},`,
    columnHeader,
    continued: "CONSOLIDATED STATEMENTS OF EARNINGS (Continued)",
  };
}

function balanceSheet(ctx: TemplateContext): StatementRows {
  const { spec } = ctx;
  const rows = new StatementRows("bs");
  const line = (
    label: string,
    concepts: Parameters<StatementRows["leaf"]>[1],
    key?: CanonicalKey,
    level = 1,
    blankable = false,
  ) => rows.leaf(label, concepts, { level, key, blankable });

  rows.heading("ASSETS");
  rows.heading("Current assets", { level: 0, bold: false });
  const cash = rows.leaf("Cash and cash equivalents", ["cash_on_hand", "cash_bank", "cash_other"], {
    level: 1,
    key: "cash_and_equivalents",
    currencySign: true,
  });
  const current = rows.total(
    "Total current assets",
    [
      cash,
      line("Short-term investments", ["st_investments"], "short_term_investments", 1, true),
      line("Accounts receivable, net", ["tr_customers", "tr_notes", "tr_allowance"], "trade_receivables"),
      line("Other receivables", ["or_shareholders", "or_other"], "other_receivables"),
      line("Inventories, net", ["inv_raw", "inv_goods", "inv_other"], "inventories"),
      line("Prepaid expenses", ["prepaid_current"], "prepaid_expenses"),
      line("Other current assets", ["oca_vat", "oca_advances"], "other_current_assets"),
    ],
    { key: "total_current_assets", level: 1 },
  );
  const ppe = line(
    "Property, plant and equipment, net",
    [
      "ppe_land",
      "ppe_buildings",
      "ppe_machinery",
      "ppe_vehicles",
      "ppe_fixtures",
      "ppe_accumulated_depreciation",
    ],
    "property_plant_equipment",
    0,
  );
  const intangibles = line(
    "Intangible assets, net",
    ["int_rights", "int_leasehold", "int_accumulated_amortisation"],
    "intangible_assets",
    0,
  );
  const other = line("Other assets", ["nca_prepaid", "nca_other"], "other_non_current_assets", 0);
  rows.total("Total assets", [current, ppe, intangibles, other], {
    key: "total_assets",
    grand: true,
    currencySign: true,
  });

  if (spec.continueBalanceSheet) rows.breakPageBeforeNext();
  rows.heading("LIABILITIES AND STOCKHOLDERS’ EQUITY");
  rows.heading("Current liabilities", { level: 0, bold: false });
  const notes = rows.leaf("Notes and loans payable", ["stb_bank"], {
    level: 1,
    key: "short_term_borrowings",
    currencySign: true,
  });
  const currentLiabilities = rows.total(
    "Total current liabilities",
    [
      notes,
      line("Current maturities of long-term debt", ["stb_current_portion"], "short_term_borrowings", 1, true),
      line("Accounts payable", ["tp_suppliers", "tp_notes"], "trade_payables"),
      line(
        "Accrued liabilities",
        ["ocl_payables", "ocl_employees", "ocl_provisions"],
        "other_current_liabilities",
      ),
      line("Income taxes payable", ["ocl_taxes"], "other_current_liabilities"),
    ],
    { key: "total_current_liabilities", level: 1 },
  );
  const liabilities = rows.total(
    "Total liabilities",
    [
      currentLiabilities,
      line("Long-term debt", ["ltb_bank", "ltb_leases"], "long_term_borrowings", 0),
      line("Other liabilities", ["oncl_severance"], "other_non_current_liabilities", 0),
      line("Deferred income taxes", ["oncl_deferred_tax"], "other_non_current_liabilities", 0),
    ],
    { key: "total_liabilities" },
  );
  rows.heading("Stockholders’ equity", { level: 0, bold: false });
  const equity = rows.total(
    "Total stockholders’ equity",
    [
      line("Common stock", ["eq_capital"], "share_capital"),
      line("Additional paid-in capital", ["eq_reserves"]),
      line("Retained earnings", ["eq_retained", "eq_current_profit"], "retained_earnings"),
      line("Treasury stock, at cost", ["eq_treasury"]),
    ],
    { key: "total_equity", level: 1 },
  );
  rows.total("Total liabilities and stockholders’ equity", [liabilities, equity], {
    key: "total_liabilities_and_equity",
    grand: true,
    currencySign: true,
  });
  return rows;
}

function incomeStatement(ctx: TemplateContext): StatementRows {
  const { rng } = ctx;
  const rows = new StatementRows("is");
  // Expenses are printed as positive numbers; income inside an expense line is in parentheses.
  const expense = (
    label: string,
    concepts: Parameters<StatementRows["leaf"]>[1],
    key?: CanonicalKey,
    blankable = false,
  ) => rows.leaf(label, concepts, { level: 0, key, printedSign: -1, blankable });

  const revenue = rows.leaf(
    "Net sales",
    ["gs_domestic", "gs_export", "gs_other", "sd_returns", "sd_discounts", "sd_other"],
    {
      key: "revenue",
      currencySign: true,
    },
  );
  const cost = expense("Cost of products sold", ["cos_products", "cos_goods"], "cost_of_sales");
  const gross = rows.total("Gross profit", [revenue, cost], { key: "gross_profit" });
  const selling = expense(
    "Selling and administrative expenses",
    ["opex_selling", "opex_admin"],
    "operating_expenses",
  );
  const research = expense("Research and development costs", ["opex_research"], "operating_expenses", true);
  let operating: string[] = [gross, selling, research];
  if (rng.chance(0.5)) operating = [rows.total("Operating income", operating, { key: "operating_profit" })];
  const beforeTax = rows.total(
    "Earnings before income taxes",
    [
      ...operating,
      expense("Interest expense", ["fin_expense_short", "fin_expense_long"], "finance_expense"),
      expense("Other (income) expense, net", [
        "ooi_fx",
        "ooi_other",
        "ooe_fx",
        "ooe_other",
        "fin_income",
        "xo_income",
        "xo_expense",
      ]),
    ],
    { key: "profit_before_tax" },
  );
  const tax = expense("Income taxes", ["tax_current", "tax_deferred"], "income_tax_expense");
  rows.total("Net earnings", [beforeTax, tax], { key: "net_income", grand: true, currencySign: true });
  return rows;
}
