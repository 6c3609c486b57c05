import { describe, expect, it } from "vitest";
import { type LabelContext, matchLabel } from "./labels";

const BS: LabelContext = { statement: "balance_sheet" };
const IS: LabelContext = { statement: "income_statement", section: "income" };
const at = (section: NonNullable<LabelContext["section"]>): LabelContext => ({
  statement: "balance_sheet",
  section,
});

describe("matchLabel: English IFRS, US GAAP and UK wording", () => {
  it.each([
    ["Cash and cash equivalents", at("current_assets"), "cash_and_equivalents"],
    ["Trade and other receivables", at("current_assets"), "trade_receivables"],
    ["Receivables, net", at("current_assets"), "trade_receivables"],
    ["Inventories, net", at("current_assets"), "inventories"],
    ["Prepaid expenses and other current assets", at("current_assets"), "other_current_assets"],
    ["Property, plant and equipment, net", at("non_current_assets"), "property_plant_equipment"],
    ["Right-of-use assets", at("non_current_assets"), "other_non_current_assets"],
    ["Goodwill", at("non_current_assets"), "intangible_assets"],
    ["Trademarks, net", at("non_current_assets"), "intangible_assets"],
    ["Other intangible assets, net", at("non_current_assets"), "intangible_assets"],
    ["Other assets", at("non_current_assets"), "other_non_current_assets"],
    ["Notes and loans payable", at("current_liabilities"), "short_term_borrowings"],
    ["Current operating lease liabilities", at("current_liabilities"), "other_current_liabilities"],
    ["Accounts payable and accrued liabilities", at("current_liabilities"), "trade_payables"],
    ["Trade and other payables", at("current_liabilities"), "trade_payables"],
    ["Long-term debt", at("non_current_liabilities"), "long_term_borrowings"],
    ["Deferred income taxes", at("non_current_liabilities"), "other_non_current_liabilities"],
    ["Deferred income taxes", at("non_current_assets"), "other_non_current_assets"],
    ["Share capital", at("equity"), "share_capital"],
    ["Retained earnings", at("equity"), "retained_earnings"],
    ["Total equity", at("equity"), "total_equity"],
    ["Total equity and liabilities", BS, "total_liabilities_and_equity"],
    ["Total liabilities and stockholders’ equity", BS, "total_liabilities_and_equity"],
    ["Total liabilities", BS, "total_liabilities"],
    ["Total current liabilities", BS, "total_current_liabilities"],
  ])("%s → %s", (label, ctx, key) => {
    expect(matchLabel(label, ctx)?.key).toBe(key);
  });

  it.each([
    ["Revenue", "revenue"],
    ["Net sales", "revenue"],
    ["Cost of sales", "cost_of_sales"],
    ["Cost of products sold", "cost_of_sales"],
    ["Gross profit", "gross_profit"],
    ["Distribution costs", "operating_expenses"],
    ["Administrative expenses", "operating_expenses"],
    ["Selling and administrative expenses", "operating_expenses"],
    ["Advertising costs", "operating_expenses"],
    ["Research and development costs", "operating_expenses"],
    ["Operating profit", "operating_profit"],
    ["Finance income", "finance_income"],
    ["Finance costs", "finance_expense"],
    ["Interest expense", "finance_expense"],
    ["Profit before tax", "profit_before_tax"],
    ["Earnings before income taxes", "profit_before_tax"],
    ["Income tax expense", "income_tax_expense"],
    ["Income taxes", "income_tax_expense"],
    ["Profit for the year", "net_income"],
    ["Profit (loss) for the year", "net_income"],
    ["Net earnings", "net_income"],
    ["Turnover", "revenue"],
    ["Depreciation and amortisation", "depreciation_amortization"],
  ])("income statement: %s → %s", (label, key) => {
    expect(matchLabel(label, IS)?.key).toBe(key);
  });

  it("reads US labels that carry detail after a colon", () => {
    const common = matchLabel(
      "Common stock: $1.00 par value; 750,000,000 shares authorized; 130,741,461 shares issued",
      at("equity"),
    );
    expect(common?.key).toBe("share_capital");
    expect(common?.confidence).toBeLessThan(0.95);
    const treasury = matchLabel("Treasury stock, at cost: 7,589,329 and 7,961,241 shares", at("equity"));
    expect(treasury).toMatchObject({ contra: true });
    expect(treasury?.key).toBeUndefined();
    expect(matchLabel("Additional paid-in capital", at("equity"))?.key).toBeUndefined();
    expect(matchLabel("Additional paid-in capital", at("equity"))).not.toBeNull();
  });

  it("knows 'Other (income) expense, net' and maps it nowhere", () => {
    const r = matchLabel("Other (income) expense, net", IS);
    expect(r).not.toBeNull();
    expect(r?.key).toBeUndefined();
  });

  it("reads a UK FRS 102 small-company balance sheet", () => {
    expect(matchLabel("Fixed assets", BS)).toMatchObject({
      kind: "heading",
      opensSection: "non_current_assets",
    });
    expect(matchLabel("Tangible assets", at("non_current_assets"))?.key).toBe("property_plant_equipment");
    expect(matchLabel("Investments", at("non_current_assets"))?.key).toBe("other_non_current_assets");
    expect(matchLabel("Investments", at("current_assets"))?.key).toBe("short_term_investments");
    expect(matchLabel("Stocks", at("current_assets"))?.key).toBe("inventories");
    expect(matchLabel("Debtors", at("current_assets"))?.key).toBe("trade_receivables");
    expect(matchLabel("Debtors", at("current_assets"))?.confidence).toBeLessThanOrEqual(0.85);
    expect(matchLabel("Cash at bank and in hand", at("current_assets"))?.key).toBe("cash_and_equivalents");
    expect(
      matchLabel("Creditors: amounts falling due within one year", at("current_liabilities")),
    ).toMatchObject({
      key: "total_current_liabilities",
      kind: "total",
    });
    expect(matchLabel("Net current assets (liabilities)", BS)).toMatchObject({ kind: "subtotal" });
    expect(matchLabel("Net current assets (liabilities)", BS)?.key).toBeUndefined();
    expect(matchLabel("Total assets less current liabilities", BS)?.key).toBeUndefined();
    expect(matchLabel("Creditors: amounts falling due after more than one year", BS)?.key).toBe(
      "other_non_current_liabilities",
    );
    expect(matchLabel("Provisions for liabilities", BS)?.key).toBe("other_non_current_liabilities");
    expect(matchLabel("Net assets", BS)).toMatchObject({ kind: "total", equals: "total_equity" });
    expect(matchLabel("Capital and reserves", BS)).toMatchObject({ kind: "heading", opensSection: "equity" });
    expect(matchLabel("Called up share capital", at("equity"))?.key).toBe("share_capital");
    expect(matchLabel("Profit and loss account", at("equity"))?.key).toBe("retained_earnings");
    expect(matchLabel("Shareholders' funds", at("equity"))?.key).toBe("total_equity");
    expect(matchLabel("SHAREHOLDERS' FUNDS", at("equity"))?.key).toBe("total_equity");
  });
});
