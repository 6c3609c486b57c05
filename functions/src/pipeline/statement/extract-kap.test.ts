import { describe, expect, it } from "vitest";
import { kapPage } from "../../../test/fixtures/kap-page";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import { extractStatements } from "./extract";

describe("extractStatements on a KAP page with both statements", () => {
  const { statements } = extractStatements([pageFromText(kapPage)]);
  const bs = statements.find((s) => s.type === "balance_sheet");
  const is = statements.find((s) => s.type === "income_statement");

  it("reads both statements from one page", () => {
    expect(statements.map((s) => s.type).sort()).toEqual(["balance_sheet", "income_statement"]);
  });

  it("dates relative headers and keeps the printed order of periods", () => {
    expect(bs?.periods.map((p) => p.id)).toEqual(["2023-12-31", "2024-12-31"]);
    expect(is?.periods.map((p) => p.id)).toEqual(["2023-12-31", "2024-12-31"]);
  });

  it("reads Turkish decimals exactly and never reads the Dipnot column as an amount", () => {
    expect(bs?.canonical.cash_and_equivalents?.["2024-12-31"]).toBe(2_100_500.5);
    expect(bs?.items.find((i) => i.key === "inventories")?.note).toBe("9");
    expect(Object.values(bs?.items.find((i) => i.key === "inventories")?.values ?? {})).toEqual([
      2_000_000, 2_500_000,
    ]);
  });

  it("signs costs printed in parentheses and balances the income statement chain", () => {
    expect(is?.canonical.cost_of_sales?.["2024-12-31"]).toBe(-8_000_000);
    expect(is?.canonical.net_income?.["2024-12-31"]).toBe(1_500_000);
    expect(is?.checks.every((c) => c.ok)).toBe(true);
  });

  it("cross-checks the balance sheet's profit with the income statement", () => {
    const cross = bs?.checks.filter((c) => c.rule.startsWith("balance_sheet.current_year_profit"));
    expect(cross?.map((c) => c.ok)).toEqual([true, true]);
    expect(bs?.flagged).toBe(false);
  });
});

describe("extractStatements on a statement continued on the next page", () => {
  const [first, second] = kapPage.split("ÖZKAYNAKLAR\n");
  const pages = [pageFromText(`${first}`, { page: 1 }), pageFromText(`ÖZKAYNAKLAR\n${second}`, { page: 2 })];
  const { statements } = extractStatements(pages);
  const bs = statements.find((s) => s.type === "balance_sheet");

  it("continues the balance sheet instead of starting another", () => {
    expect(bs?.pages).toEqual([1, 2]);
    expect(bs?.canonical.total_equity?.["2024-12-31"]).toBe(7_500_000);
    expect(bs?.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
