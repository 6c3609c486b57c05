import { describe, expect, it } from "vitest";
import { balanceSheet, exampleStatements, incomeStatement } from "../../test/fixtures/example-company";
import { AppError } from "../app-error";
import type { Statement } from "../pipeline/types";
import { DEFAULT_ALERT_THRESHOLDS, detectAlerts, resolveAlertThresholds } from "./alerts";
import { comparePeriods } from "./comparison";
import { buildPeriodMap } from "./periods";
import { computeRatios } from "./ratios";
import type { Alert, AlertThresholds } from "./types";

function alertsFor(statements: Statement[], thresholds?: AlertThresholds): Alert[] {
  const periods = buildPeriodMap(statements);
  const ratios = computeRatios(statements);
  return detectAlerts({ periods, ratios, comparison: comparePeriods(periods, ratios) }, thresholds);
}

/** A company in distress: 2024 current ratio 0.8, equity −100,000, coverage 0.75, net loss. */
const distressed = (): Statement[] => [
  balanceSheet({
    "2024-12-31": {
      total_current_assets: 400_000,
      total_current_liabilities: 500_000,
      total_assets: 1_000_000,
      total_liabilities: 1_100_000,
      total_equity: -100_000,
    },
    "2023-12-31": {
      total_current_assets: 450_000,
      total_current_liabilities: 375_000,
      total_assets: 1_000_000,
      total_liabilities: 850_000,
      total_equity: 150_000,
    },
  }),
  incomeStatement({
    "2024-12-31": {
      revenue: 1_000_000,
      operating_profit: 60_000,
      finance_expense: -80_000,
      net_income: -250_000,
    },
    "2023-12-31": {
      revenue: 1_200_000,
      operating_profit: 150_000,
      finance_expense: -60_000,
      net_income: 40_000,
    },
  }),
];

const find = (alerts: Alert[], rule: string, period = "2024-12-31") =>
  alerts.find((a) => a.rule === rule && a.period === period);

describe("ratio threshold alerts", () => {
  const alerts = alertsFor(distressed());

  it("flags current ratio below 1 with both values and the prior year, in both languages", () => {
    const alert = find(alerts, "current_ratio_low");
    // 400,000 / 500,000 = 0.80; 2023: 450,000 / 375,000 = 1.20
    expect(alert).toMatchObject({ severity: "warning", key: "current_ratio", value: 0.8, threshold: 1 });
    expect(alert?.message.en).toBe(
      "Current ratio is 0.80 at 31 Dec 2024, down from 1.20 at 31 Dec 2023, below the threshold of 1.00: " +
        "current assets (400,000.00 TRY) do not cover short-term liabilities (500,000.00 TRY). " +
        "Why it matters: the company may struggle to pay debts falling due within a year.",
    );
    expect(alert?.message.tr).toBe(
      "31.12.2024 itibarıyla cari oran 0,80 (31.12.2023: 1,20); 1,00 eşiğinin altında: " +
        "dönen varlıklar (400.000,00 TL) kısa vadeli yabancı kaynakları (500.000,00 TL) karşılamıyor. " +
        "Neden önemli: şirket bir yıl içinde vadesi gelen borçlarını ödemekte zorlanabilir.",
    );
    expect(find(alerts, "current_ratio_low", "2023-12-31")).toBeUndefined();
  });

  it("flags negative equity as critical", () => {
    const alert = find(alerts, "negative_equity");
    expect(alert).toMatchObject({ severity: "critical", value: -100_000 });
    expect(alert?.message.tr).toContain("özkaynaklar negatif: -100.000,00 TL");
    expect(alert?.message.en).toContain("Total equity is negative at 31 Dec 2024: -100,000.00 TRY");
  });

  it("flags interest coverage below 1.5, critical below 1", () => {
    const alert = find(alerts, "interest_coverage_low");
    // 60,000 / |−80,000| = 0.75
    expect(alert).toMatchObject({ severity: "critical", value: 0.75, threshold: 1.5 });
    expect(alert?.message.en).toContain(
      "operating profit (60,000.00 TRY) covers finance expenses (80,000.00 TRY) only 0.75 times",
    );
    expect(alert?.message.tr).toContain(
      "faaliyet kârı (60.000,00 TL) finansman giderlerini (80.000,00 TL) yalnızca 0,75 kez",
    );
  });

  it("flags a net loss with the margin and last year's profit", () => {
    const alert = find(alerts, "net_loss");
    // −250,000 / 1,000,000 = −25%
    expect(alert?.message.en).toBe(
      "Net loss of 250,000.00 TRY for the period ended 31 Dec 2024, a net margin of -25.0%, down from 40,000.00 TRY at 31 Dec 2023. " +
        "Why it matters: losses erode equity; check whether they are one-off or recurring.",
    );
    expect(alert?.message.tr).toContain(
      "250.000,00 TL net zarar, net kâr marjı -%25,0 (31.12.2023: 40.000,00 TL)",
    );
  });

  it("flags a debt ratio above 80% held in both years once, at the latest, citing the earlier", () => {
    // 2024: 1,100,000 / 1,000,000 = 110%; 2023: 850,000 / 1,000,000 = 85%
    expect(find(alerts, "debt_ratio_high")?.message.en).toContain(
      "Debt ratio is 110.0% at 31 Dec 2024, up from 85.0%",
    );
    expect(find(alerts, "debt_ratio_high", "2023-12-31")).toBeUndefined();
  });

  it("keeps a condition of an earlier period that has cleared since", () => {
    const recovered = distressed();
    recovered[0]!.canonical.total_liabilities = { "2024-12-31": 700_000, "2023-12-31": 850_000 };
    const debt = alertsFor(recovered).filter((a) => a.rule === "debt_ratio_high");
    expect(debt.map((a) => a.period)).toEqual(["2023-12-31"]);
  });

  it("orders the newest period first and critical before warnings", () => {
    expect(alerts[0]?.period).toBe("2024-12-31");
    expect(alerts[0]?.severity).toBe("critical");
    const order = { critical: 0, warning: 1, info: 2 };
    const latest = alerts.filter((a) => a.period === "2024-12-31").map((a) => order[a.severity]);
    expect(latest).toEqual([...latest].sort());
  });

  it("follows configured thresholds", () => {
    const lenient = resolveAlertThresholds({ currentRatio: 0.5, interestCoverage: 0.5, debtRatio: 1.2 });
    const rules = alertsFor(distressed(), lenient).map((a) => a.rule);
    expect(rules).not.toContain("current_ratio_low");
    expect(rules).not.toContain("interest_coverage_low");
    expect(rules).not.toContain("debt_ratio_high");
    expect(rules).toContain("negative_equity");
  });
});

describe("material change alerts", () => {
  const alerts = alertsFor(exampleStatements());

  it("flags a material item that moved at least 25%, saying by how much and why", () => {
    const receivables = alerts.find((a) => a.key === "trade_receivables");
    // 200,000 → 300,000 = +50%; 300,000 / 2,000,000 = 15% of total assets
    expect(receivables).toMatchObject({
      rule: "material_change",
      severity: "warning",
      changePercent: 50,
      base: 200_000,
    });
    expect(receivables?.message.en).toBe(
      "Trade receivables rose by 50.0% from 200,000.00 TRY to 300,000.00 TRY between 31 Dec 2023 and 31 Dec 2024. " +
        "At 15.0% of total assets the change is material. " +
        "Why it matters: more sales are uncollected; collections may be slowing and tying up cash.",
    );
    expect(receivables?.message.tr).toBe(
      "Ticari alacaklar 31.12.2023 – 31.12.2024 arasında %50,0 arttı (200.000,00 TL → 300.000,00 TL). " +
        "Toplam varlıklar içindeki payı %15,0 olduğundan değişim önemlidir. " +
        "Neden önemli: tahsil edilmemiş satışlar arttı; tahsilat yavaşlıyor ve nakit alacaklara bağlanıyor olabilir.",
    );
  });

  it("reads cost lines in magnitude and treats exactly 25% as reaching the threshold", () => {
    // cash 120,000 → 150,000 = +25.0%, 7.5% of total assets: info
    expect(alerts.find((a) => a.key === "cash_and_equivalents")?.severity).toBe("info");
    // operating expenses −520,000 → −700,000: they grew by 34.6%; 23.3% of revenue
    const expenses = alerts.find((a) => a.key === "operating_expenses");
    expect(expenses?.message.en).toContain(
      "Operating expenses rose by 34.6% from 520,000.00 TRY to 700,000.00 TRY",
    );
    expect(expenses?.message.tr).toContain("Faaliyet giderleri 31.12.2023 – 31.12.2024 arasında %34,6 arttı");
  });

  it("ignores moves under the threshold and immaterial items", () => {
    // cost of sales −1,600,000 → −1,800,000 is only 12.5%
    expect(alerts.find((a) => a.key === "cost_of_sales")).toBeUndefined();
    // finance income 10,000 → 20,000 is +100% but 0.7% of revenue
    expect(alerts.find((a) => a.key === "finance_income")).toBeUndefined();
    expect(alerts.find((a) => a.key === "total_liabilities_and_equity")).toBeUndefined();
    const strict = alertsFor(exampleStatements(), { ...DEFAULT_ALERT_THRESHOLDS, changePercent: 60 });
    expect(strict.map((a) => a.key)).not.toContain("trade_receivables");
  });
});

describe("resolveAlertThresholds", () => {
  it("fills defaults and rejects nonsense with an AppError", () => {
    expect(resolveAlertThresholds({ debtRatio: 0.7 })).toEqual({
      ...DEFAULT_ALERT_THRESHOLDS,
      debtRatio: 0.7,
    });
    expect(() => resolveAlertThresholds({ materiality: 5 })).toThrow(AppError);
    const thrown = (() => {
      try {
        resolveAlertThresholds({ changePercent: -1 });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ code: "invalid_alert_thresholds", status: 400 });
  });
});

describe("alerts as a lender ranks them", () => {
  const statements = (): Statement[] => [
    balanceSheet({
      "2024-12-31": {
        cash_and_equivalents: 100_000,
        total_current_assets: 900_000,
        short_term_borrowings: 400_000,
        total_current_liabilities: 700_000,
        total_assets: 2_000_000,
        current_year_profit: 300_000,
        total_equity: 1_000_000,
      },
      "2023-12-31": {
        cash_and_equivalents: 300_000,
        total_current_assets: 850_000,
        short_term_borrowings: 250_000,
        total_current_liabilities: 600_000,
        total_assets: 1_900_000,
        current_year_profit: 150_000,
        total_equity: 900_000,
      },
    }),
    incomeStatement({
      "2024-12-31": { revenue: 1_700_000, net_income: 300_000 },
      "2023-12-31": { revenue: 1_000_000, net_income: 150_000 },
    }),
  ];
  const alerts = alertsFor(statements());
  const of = (key: string) => alerts.filter((a) => a.key === key && a.rule === "material_change");

  it("reads good news as information and risk as a warning, whatever the size", () => {
    expect(of("revenue")[0]?.severity).toBe("info"); // +70%
    expect(of("net_income")[0]?.severity).toBe("info"); // +100%
    expect(of("cash_and_equivalents")[0]?.severity).toBe("warning"); // −66.7%
    expect(of("short_term_borrowings")[0]?.severity).toBe("warning"); // +60%
  });

  it("alerts the net income once, not again as the balance sheet's current-year profit", () => {
    expect(of("net_income")).toHaveLength(1);
    expect(of("current_year_profit")).toHaveLength(0);
  });

  it("warns when the cash ratio halves, though no threshold is crossed", () => {
    // cash ratio 300/600 = 0.50 → 100/700 = 0.14
    const fall = alerts.find((a) => a.rule === "liquidity_fall" && a.key === "cash_ratio");
    expect(fall).toMatchObject({ severity: "warning", period: "2024-12-31" });
    expect(fall?.message.en).toContain("Cash ratio fell by half or more");
    expect(fall?.message.tr).toContain("Nakit oranı 31.12.2023 – 31.12.2024 arasında yarıdan fazla düştü");
    expect(alerts.find((a) => a.rule === "liquidity_fall" && a.key === "quick_ratio")).toBeUndefined();
  });
});

describe("one alert per movement", () => {
  const alerts = alertsFor([
    balanceSheet({
      "2024-12-31": {
        cash_and_equivalents: 500_000,
        trade_receivables: 210_000,
        total_current_assets: 710_000,
        property_plant_equipment: 400_000,
        total_non_current_assets: 400_000,
        total_assets: 1_110_000,
        total_equity: 1_110_000,
        total_liabilities_and_equity: 1_110_000,
      },
      "2023-12-31": {
        cash_and_equivalents: 200_000,
        trade_receivables: 200_000,
        total_current_assets: 400_000,
        property_plant_equipment: 400_000,
        total_non_current_assets: 400_000,
        total_assets: 800_000,
        total_equity: 800_000,
        total_liabilities_and_equity: 800_000,
      },
    }),
    incomeStatement({
      "2024-12-31": {
        revenue: 1_700_000,
        cost_of_sales: -1_000_000,
        gross_profit: 700_000,
        net_income: 310_000,
      },
      "2023-12-31": {
        revenue: 1_000_000,
        cost_of_sales: -600_000,
        gross_profit: 400_000,
        net_income: 150_000,
      },
    }),
  ]);
  const keys = alerts.filter((a) => a.rule === "material_change").map((a) => a.key);

  it("alerts the lines that moved, not the subtotals they explain", () => {
    expect(keys).toContain("cash_and_equivalents");
    expect(keys).not.toContain("total_current_assets"); // +310,000, of which cash +300,000
    expect(keys).not.toContain("total_assets");
    expect(keys).toContain("revenue");
    // Cost of sales rose 67% with sales up 70%: its share of revenue 60.0% → 58.8%, no news.
    expect(keys).not.toContain("cost_of_sales");
    expect(keys).not.toContain("gross_profit"); // revenue +700,000 explains +300,000
  });

  it("always alerts the bottom line and a subtotal its alerted lines do not explain", () => {
    expect(keys).toContain("net_income");
    // Equity +38.75% with no line of its own alerted: kept.
    expect(keys).toContain("total_equity");
  });
});

describe("inflation", () => {
  const company = (currency: string, restated = false): Statement[] =>
    [
      balanceSheet(
        {
          "2022-12-31": { cash_and_equivalents: 300_000, total_assets: 1_000_000 },
          "2021-12-31": { cash_and_equivalents: 200_000, total_assets: 800_000 },
        },
        { currency },
      ),
      incomeStatement(
        {
          "2022-12-31": { revenue: 1_400_000, net_income: 100_000 },
          "2021-12-31": { revenue: 1_000_000, net_income: 100_000 },
        },
        { currency },
      ),
    ].map((statement) => (restated ? { ...statement, restated: true } : statement));
  const revenue = (statements: Statement[]) => {
    const periods = buildPeriodMap(statements);
    return comparePeriods(periods, computeRatios(statements)).find(
      (row) => row.kind === "item" && row.key === "revenue",
    );
  };

  it("gives nominal lira comparisons their real change, and alerts on it", () => {
    // +40% nominal over 2022's 64.27% consumer-price inflation is a real fall of 14.8%.
    expect(revenue(company("TRY"))).toMatchObject({ prices: "nominal", changePercent: 40 });
    expect(revenue(company("TRY"))?.realChangePercent).toBeCloseTo(-14.77, 2);
    expect(alertsFor(company("TRY")).find((a) => a.key === "revenue")).toBeUndefined();
    // Cash +50% nominal is −8.7% real: no alert either; in dollars it is one.
    expect(alertsFor(company("TRY")).find((a) => a.key === "cash_and_equivalents")).toBeUndefined();
    expect(alertsFor(company("USD")).find((a) => a.key === "revenue")?.severity).toBe("info");
  });

  it("compares restated statements as they are, and says so", () => {
    const row = revenue(company("TRY", true));
    expect(row).toMatchObject({ prices: "restated", changePercent: 40 });
    expect(row?.realChangePercent).toBeUndefined();
    const alert = alertsFor(company("TRY", true)).find((a) => a.key === "revenue");
    expect(alert?.message.en).not.toContain("After consumer-price inflation");
  });

  it("writes the real change into the alert", () => {
    const statements = company("TRY");
    statements[1]!.canonical.revenue!["2022-12-31"] = 2_000_000; // +100% nominal, +21.8% real: under 25%
    statements[0]!.canonical.cash_and_equivalents!["2022-12-31"] = 600_000; // +200% nominal, +82.6% real
    const cash = alertsFor(statements).find((a) => a.key === "cash_and_equivalents");
    expect(cash?.message.tr).toContain("Enflasyondan arındırıldığında değişim %82,6.");
    expect(cash?.message.en).toContain("After consumer-price inflation the change is 82.6%.");
    expect(alertsFor(statements).find((a) => a.key === "revenue")).toBeUndefined();
  });
});

describe("equity movements a lender already knows", () => {
  // Last year's profit (150,000) carried into retained earnings; this year's profit doubled.
  const alerts = alertsFor([
    balanceSheet({
      "2024-12-31": {
        total_assets: 2_000_000,
        share_capital: 500_000,
        retained_earnings: 350_000,
        current_year_profit: 300_000,
        total_equity: 1_150_000,
      },
      "2023-12-31": {
        total_assets: 1_800_000,
        share_capital: 500_000,
        retained_earnings: 200_000,
        current_year_profit: 150_000,
        total_equity: 850_000,
      },
    }),
    incomeStatement({
      "2024-12-31": { revenue: 2_000_000, net_income: 300_000 },
      "2023-12-31": { revenue: 1_900_000, net_income: 150_000 },
    }),
  ]);
  const keys = alerts.filter((a) => a.rule === "material_change").map((a) => a.key);

  it("does not alert retained earnings that grew by the year before's profit", () => {
    expect(keys).toContain("net_income");
    expect(keys).not.toContain("retained_earnings"); // +150,000 = 2023's profit carried forward
  });

  it("reads equity as explained by the profit alerted as net income", () => {
    // Equity +300,000, of which this year's profit +150,000 (alerted once, as net income).
    expect(keys).not.toContain("total_equity");
  });

  it("still alerts retained earnings that grew by more than any profit could explain", () => {
    const grown = alertsFor([
      balanceSheet({
        "2024-12-31": { total_assets: 2_000_000, retained_earnings: 900_000, current_year_profit: 100_000 },
        "2023-12-31": { total_assets: 1_800_000, retained_earnings: 200_000, current_year_profit: 150_000 },
      }),
    ]);
    expect(grown.map((a) => a.key)).toContain("retained_earnings");
  });
});
