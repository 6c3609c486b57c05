import { StatementRows } from "../statement-rows";
import type { TemplateContext } from "./template";

/** THP income statement: lettered groups A-K with their accounts, the profit chain between. */
export function thpIncomeStatement(ctx: TemplateContext): StatementRows {
  const { spec } = ctx;
  const rows = new StatementRows("is");
  const contra = spec.contraUnsigned ? -1 : 1;
  const show = spec.groupSubtotals;

  const grossSales = rows.group("A. Brüt Satışlar", { key: "gross_sales", showValue: show }, (g) => {
    g.leaf("Yurt İçi Satışlar", ["gs_domestic"], { code: "600", level: 1 });
    g.leaf("Yurt Dışı Satışlar", ["gs_export"], { code: "601", level: 1, blankable: true });
    g.leaf("Diğer Gelirler", ["gs_other"], { code: "602", level: 1 });
  });
  const deductions = rows.group(
    "B. Satış İndirimleri (-)",
    { key: "sales_deductions", showValue: show, printedSign: contra },
    (g) => {
      g.leaf("Satıştan İadeler (-)", ["sd_returns"], { code: "610", level: 1, printedSign: contra });
      g.leaf("Satış İskontoları (-)", ["sd_discounts"], { code: "611", level: 1, printedSign: contra });
      g.leaf("Diğer İndirimler (-)", ["sd_other"], {
        code: "612",
        level: 1,
        printedSign: contra,
        blankable: true,
      });
    },
  );
  const net = rows.total("C. Net Satışlar", [grossSales, deductions], { key: "revenue" });
  const cost = rows.group(
    "D. Satışların Maliyeti (-)",
    { key: "cost_of_sales", showValue: show, printedSign: contra },
    (g) => {
      g.leaf("Satılan Mamuller Maliyeti (-)", ["cos_products"], {
        code: "620",
        level: 1,
        printedSign: contra,
      });
      g.leaf("Satılan Ticari Mallar Maliyeti (-)", ["cos_goods"], {
        code: "621",
        level: 1,
        printedSign: contra,
      });
    },
  );
  const gross = rows.total("BRÜT SATIŞ KÂRI VEYA ZARARI", [net, cost], { key: "gross_profit" });
  const opex = rows.group(
    "E. Faaliyet Giderleri (-)",
    { key: "operating_expenses", showValue: show, printedSign: contra },
    (g) => {
      g.leaf("Araştırma ve Geliştirme Giderleri (-)", ["opex_research"], {
        code: "630",
        level: 1,
        printedSign: contra,
        blankable: true,
      });
      g.leaf("Pazarlama Satış ve Dağıtım Giderleri (-)", ["opex_selling"], {
        code: "631",
        level: 1,
        printedSign: contra,
      });
      g.leaf("Genel Yönetim Giderleri (-)", ["opex_admin"], { code: "632", level: 1, printedSign: contra });
    },
  );
  const operating = rows.total("FAALİYET KÂRI VEYA ZARARI", [gross, opex], { key: "operating_profit" });
  const otherIncome = rows.group(
    "F. Diğer Faaliyetlerden Olağan Gelir ve Kârlar",
    { key: "other_operating_income", showValue: show },
    (g) => {
      g.leaf("Faiz Gelirleri", ["fin_income"], { code: "642", level: 1 });
      g.leaf("Kambiyo Kârları", ["ooi_fx"], { code: "646", level: 1 });
      g.leaf("Diğer Olağan Gelir ve Kârlar", ["ooi_other"], { code: "649", level: 1, blankable: true });
    },
  );
  const otherExpense = rows.group(
    "G. Diğer Faaliyetlerden Olağan Gider ve Zararlar (-)",
    { key: "other_operating_expense", showValue: show, printedSign: contra },
    (g) => {
      g.leaf("Kambiyo Zararları (-)", ["ooe_fx"], { code: "656", level: 1, printedSign: contra });
      g.leaf("Diğer Olağan Gider ve Zararlar (-)", ["ooe_other"], {
        code: "659",
        level: 1,
        printedSign: contra,
        blankable: true,
      });
    },
  );
  const finance = rows.group(
    "H. Finansman Giderleri (-)",
    { key: "finance_expense", showValue: show, printedSign: contra },
    (g) => {
      g.leaf("Kısa Vadeli Borçlanma Giderleri (-)", ["fin_expense_short"], {
        code: "660",
        level: 1,
        printedSign: contra,
      });
      g.leaf("Uzun Vadeli Borçlanma Giderleri (-)", ["fin_expense_long"], {
        code: "661",
        level: 1,
        printedSign: contra,
      });
    },
  );
  const ordinary = rows.total("OLAĞAN KÂR VEYA ZARAR", [operating, otherIncome, otherExpense, finance]);
  const extraordinaryIncome = rows.group("I. Olağandışı Gelir ve Kârlar", { showValue: show }, (g) => {
    g.leaf("Diğer Olağandışı Gelir ve Kârlar", ["xo_income"], { code: "679", level: 1 });
  });
  const extraordinaryExpense = rows.group(
    "J. Olağandışı Gider ve Zararlar (-)",
    { showValue: show, printedSign: contra },
    (g) => {
      g.leaf("Diğer Olağandışı Gider ve Zararlar (-)", ["xo_expense"], {
        code: "689",
        level: 1,
        printedSign: contra,
      });
    },
  );
  const beforeTax = rows.total(
    "DÖNEM KÂRI VEYA ZARARI",
    [ordinary, extraordinaryIncome, extraordinaryExpense],
    { key: "profit_before_tax" },
  );
  const tax = rows.leaf(
    "K. Dönem Kârı Vergi ve Diğer Yasal Yükümlülük Karşılıkları (-)",
    ["tax_current", "tax_deferred"],
    {
      key: "income_tax_expense",
      printedSign: contra,
    },
  );
  rows.total("DÖNEM NET KÂRI VEYA ZARARI", [beforeTax, tax], { key: "net_income", grand: true });
  return rows;
}
