// The web's pure logic, without a browser. It lives here because the vitest projects pick up
// web tests only under web/e2e; it needs no server and runs in milliseconds.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RatioResult } from "@finstat/functions/analysis/types";
import { parseWarning, WARNING_TEXTS, warningText } from "@finstat/functions/analysis/warning-text";
import { describe, expect, it } from "vitest";
import { splitRecipients } from "../components/reports/email-report";
import { describeError } from "../components/ui/error-message";
import { compactAmount } from "../lib/analysis/compact-amount";
import { changedRatios, latestPeriod, priorPeriod, sortPeriods } from "../lib/analysis/ratio-view";
import { ApiError } from "../lib/api/errors";
import type { DocumentView, HistoryEntry } from "../lib/api/types";
import { checkRuleName, formatRatioValue, readableFormula } from "../lib/i18n/format";
import type { Language } from "../lib/i18n/languages";
import { type MessageKey, messages } from "../lib/i18n/messages";
import { historyActor, historySentence } from "../lib/review/history-text";
import { boxStyle, inferPageSize } from "../lib/review/page-geometry";
import { parseAmountInput } from "../lib/review/parse-amount";
import {
  cellsInFailedChecks,
  displayDecimals,
  printedValue,
  type Statement,
} from "../lib/review/statement-model";
import { hasPdfMagic } from "../lib/upload/check-pdf";
import { documentsToStream } from "../lib/upload/use-live-documents";

describe("parseAmountInput", () => {
  it("reads Turkish and English grouping the way each language writes it", () => {
    expect(parseAmountInput("1.234.567,89", "tr")).toBe(1234567.89);
    expect(parseAmountInput("1,234,567.89", "en")).toBe(1234567.89);
    expect(parseAmountInput("500.000", "tr")).toBe(500000);
    expect(parseAmountInput("500,000", "en")).toBe(500000);
    expect(parseAmountInput("12,5", "tr")).toBe(12.5);
    expect(parseAmountInput(" 4 200 ", "tr")).toBe(4200);
  });

  it("makes parentheses and minus signs negative", () => {
    expect(parseAmountInput("(4.200.000)", "tr")).toBe(-4200000);
    expect(parseAmountInput("-150.000", "tr")).toBe(-150000);
    expect(parseAmountInput("−1,5", "tr")).toBe(-1.5);
  });

  it("refuses what is not a number in the UI's language rather than guessing", () => {
    expect(parseAmountInput("", "tr")).toBeNull();
    expect(parseAmountInput("abc", "en")).toBeNull();
    expect(parseAmountInput("1.23.4", "tr")).toBeNull();
    // An English-grouped number typed in the Turkish UI is ambiguous: refused.
    expect(parseAmountInput("1,234,567.89", "tr")).toBeNull();
  });
});

describe("page geometry", () => {
  it("recognises A4 and Letter at any resolution and falls back to 300 dpi", () => {
    expect(inferPageSize(2480, 3508)).toEqual({ width: 595.28, height: 841.89 });
    expect(inferPageSize(1240, 1754)).toEqual({ width: 595.28, height: 841.89 });
    expect(inferPageSize(3300, 2550)).toEqual({ width: 792, height: 612 });
    const odd = inferPageSize(3000, 1000);
    expect(odd.width).toBeCloseTo(720);
    expect(odd.height).toBeCloseTo(240);
    expect(inferPageSize(1000, 1000, 100)).toEqual({ width: 720, height: 720 });
  });

  it("places a box as percentages of the page, padded and clipped to it", () => {
    const style = boxStyle({ x0: 100, y0: 200, x1: 150, y1: 210 }, { width: 600, height: 800 }, 0);
    expect(style).toEqual({ left: "16.667%", top: "25.000%", width: "8.333%", height: "1.250%" });
    const clipped = boxStyle({ x0: 0, y0: 0, x1: 700, y1: 10 }, { width: 600, height: 800 });
    expect(clipped.left).toBe("0.000%");
    expect(clipped.width).toBe("100.000%");
  });
});

describe("formatting for the reader", () => {
  it("writes ratios in their unit and language", () => {
    expect(formatRatioValue(1.266667, "ratio", "tr")).toBe("1,27");
    expect(formatRatioValue(0.3, "percent", "tr")).toBe("%30,0");
    expect(formatRatioValue(0.3, "percent", "en")).toBe("30.0%");
    expect(formatRatioValue(8.84, "times", "en")).toBe("8.84×");
    expect(formatRatioValue(15.2, "days", "tr")).toBe("15 gün");
    expect(formatRatioValue(null, "ratio", "tr")).toBe("–");
  });

  it("names the lines of formulas and check rules", () => {
    expect(readableFormula("total_current_assets / total_current_liabilities", "tr")).toBe(
      "Dönen varlıklar toplamı / Kısa vadeli yabancı kaynaklar toplamı",
    );
    expect(readableFormula("abs(cost_of_sales) / avg(inventories)", "en")).toBe(
      "|Cost of sales| / avg(Inventories)",
    );
    expect(checkRuleName("total_current_assets = sum of its lines", "tr")).toBe(
      "Dönen varlıklar toplamı = kalemlerinin toplamı",
    );
    expect(checkRuleName("Net Satışlar = sum of its accounts", "tr")).toBe(
      "Net Satışlar = hesaplarının toplamı",
    );
    expect(checkRuleName("operating_profit = gross_profit + lines between", "tr")).toBe(
      "Faaliyet kârı = Brüt satış kârı + aradaki kalemler",
    );
    expect(checkRuleName("balance_sheet.current_year_profit = income_statement.net_income", "en")).toBe(
      "Balance sheet: Profit (loss) for the year = Income statement: Net income",
    );
  });

  it("shortens chart amounts", () => {
    expect(compactAmount(1_500_000, "tr")).toBe("1,5 Mn");
    expect(compactAmount(1_500_000, "en")).toBe("1.5m");
    expect(compactAmount(250_000, "tr")).toBe("250 Bin");
    expect(compactAmount(999, "en")).toBe("999");
  });
});

describe("statement model", () => {
  const statement = {
    id: "s1",
    type: "balance_sheet",
    currency: "TRY",
    unit: 1000,
    periods: [{ id: "2024-12-31", label: "31.12.2024" }],
    items: [
      {
        label: "Stoklar",
        key: "inventories",
        values: { "2024-12-31": 600_000 },
        confidence: 0.5,
        sources: ["text"],
        page: 1,
      },
      {
        label: "Kasa",
        key: "cash_and_equivalents",
        values: { "2024-12-31": 1_250 },
        confidence: 1,
        sources: ["text"],
        page: 1,
      },
    ],
    canonical: {},
    checks: [
      {
        rule: "total_current_assets = sum of its lines",
        period: "2024-12-31",
        ok: false,
        difference: -100,
        involves: ["inventories"],
      },
    ],
  } as unknown as Statement;

  it("marks the cells of failed checks and shows amounts in the printed unit", () => {
    expect([...cellsInFailedChecks(statement)]).toEqual(["0|2024-12-31"]);
    expect(printedValue(600_000, 1000)).toBe(600);
    expect(displayDecimals(statement)).toBe(2); // 1.250 thousands
  });
});

describe("ratio views", () => {
  const ratio = (key: string, period: string, value: number | null) =>
    ({ key, period, value, group: "liquidity", formula: "", unit: "ratio" }) as RatioResult;
  const before = [
    ratio("quick_ratio", "2024-12-31", 1.27),
    ratio("current_ratio", "2024-12-31", 1.67),
    ratio("quick_ratio", "2023-12-31", 1.22),
  ];
  const after = [
    ratio("quick_ratio", "2024-12-31", 1.33),
    ratio("current_ratio", "2024-12-31", 1.67),
    ratio("quick_ratio", "2023-12-31", 1.22),
  ];

  it("finds the latest and prior periods, dated ones first", () => {
    expect(sortPeriods(["Cari Dönem", "2024-12-31", "2023-12-31"])).toEqual([
      "2023-12-31",
      "2024-12-31",
      "Cari Dönem",
    ]);
    expect(latestPeriod(after)).toBe("2024-12-31");
    expect(priorPeriod(after, "2024-12-31")).toBe("2023-12-31");
  });

  it("reports which ratios a correction moved, with their old values", () => {
    expect([...changedRatios(before, after, "2024-12-31")]).toEqual([["quick_ratio", 1.27]]);
    expect(changedRatios(null, after, "2024-12-31").size).toBe(0);
  });
});

describe("uploads and live progress", () => {
  it("recognises the PDF signature within the first KiB", () => {
    expect(hasPdfMagic(new TextEncoder().encode("%PDF-1.7\n"))).toBe(true);
    expect(hasPdfMagic(new TextEncoder().encode(`${"x".repeat(300)}%PDF-1.4`))).toBe(true);
    expect(hasPdfMagic(new TextEncoder().encode("merhaba"))).toBe(false);
  });

  it("streams the document being read first, then the oldest waiting, two at most", () => {
    const doc = (id: string, status: DocumentView["status"], createdAt: string) =>
      ({ id, status, createdAt }) as DocumentView;
    const list = [
      doc("a", "queued", "2025-01-01T10:00:03Z"),
      doc("b", "done", "2025-01-01T10:00:00Z"),
      doc("c", "queued", "2025-01-01T10:00:01Z"),
      doc("d", "processing", "2025-01-01T10:00:02Z"),
    ];
    expect(documentsToStream(list)).toEqual(["d", "c"]);
    expect(documentsToStream([doc("b", "done", "2025-01-01T10:00:00Z")])).toEqual([]);
  });

  it("splits recipients on commas, semicolons and spaces", () => {
    expect(splitRecipients("a@x.com, b@y.com;c@z.com  d@w.com")).toEqual([
      "a@x.com",
      "b@y.com",
      "c@z.com",
      "d@w.com",
    ]);
  });
});

describe("warningText", () => {
  /** Every warning the pipeline can raise, read off its source: `${type}` and `${page}` filled in. */
  function pipelineWarningCodes(): string[] {
    const root = join(dirname(fileURLToPath(import.meta.url)), "../../functions/src/pipeline");
    const codes = new Set<string>();
    for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const source = readFileSync(join(root, file), "utf8");
      for (const match of source.matchAll(/warnings\.push\((["`])([^"`]+)\1\)/g)) {
        codes.add(match[2]!.replace(/\$\{[^}]*type\}/g, "income_statement").replace(/\$\{[^}]*page\}/g, "3"));
      }
    }
    return [...codes];
  }

  it("gives every warning the pipeline raises a sentence of its own in both languages", () => {
    const codes = pipelineWarningCodes();
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      expect(parseWarning(code).family, code).not.toBe("other");
      const turkish = warningText(code, "tr");
      expect(turkish, code).not.toMatch(/[a-z]+_[a-z]+|\{|\}/);
      expect(warningText(code, "en"), code).not.toBe(turkish);
    }
  });

  it("names the statement and page a warning concerns, and never shows an unknown code raw", () => {
    expect(parseWarning("vision_empty_balance_sheet_page_3")).toEqual({
      family: "vision_empty",
      statement: "balance_sheet",
      page: 3,
    });
    expect(warningText("vision_empty_balance_sheet_page_3", "tr")).toBe(
      "Bilanço: 3. sayfada görüntü modeli değer bulamadı.",
    );
    expect(parseWarning("income_statement_period_year_from_title")).toEqual({
      family: "period_year_from_title",
      statement: "income_statement",
    });
    expect(parseWarning("vision_unit_differs_between_pages_balance_sheet").family).toBe(
      "vision_unit_differs_between_pages",
    );
    expect(warningText("something_new", "en")).toBe(WARNING_TEXTS.other.en);
  });
});

describe("describeError", () => {
  const t = (language: "tr" | "en") => (key: MessageKey) => messages[language][key];
  it("tells an API error in Turkish by its code, and in English by the API's message", () => {
    const wrong = new ApiError("invalid_credentials", 401, "The e-mail address or password is wrong.");
    expect(describeError(wrong, "tr", t("tr"))).toBe("E-posta adresi ya da parola hatalı.");
    expect(describeError(wrong, "en", t("en"))).toBe("The e-mail address or password is wrong.");
  });
  it("never shows an English message in Turkish, even for a code it does not know", () => {
    const unknown = new ApiError("something_new", 409, "Something new went wrong.");
    expect(describeError(unknown, "tr", t("tr"))).toBe(messages.tr["error.unknown"]);
    expect(describeError(new Error("Failed to fetch"), "tr", t("tr"))).toBe(messages.tr["error.unknown"]);
    expect(describeError(new ApiError("network_error", 0, "offline"), "tr", t("tr"))).toBe(
      messages.tr["error.network"],
    );
  });
});

describe("document history", () => {
  const translate =
    (language: Language) =>
    (key: MessageKey, values: Record<string, string | number> = {}) =>
      messages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      );
  const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
    id: 1,
    at: "2025-03-01T09:30:00Z",
    action: "document.upload",
    who: { id: "u1", fullName: "Ayşe Yılmaz" },
    apiKey: null,
    ...over,
  });

  it("tells who changed which value from what to what, in Turkish and English", () => {
    const correction = entry({
      action: "statement.correct",
      correction: {
        statementType: "balance_sheet",
        label: "Kasa",
        key: "cash_and_equivalents",
        period: "2024-12-31",
        from: 125430.5,
        to: 125000,
      },
    });
    expect(historySentence(correction, translate("tr"), "tr")).toBe(
      "Kasa (31.12.2024) değerini 125.430,50 → 125.000 olarak düzeltti",
    );
    expect(historySentence(correction, translate("en"), "en")).toBe(
      "changed Kasa (31 Dec 2024) from 125,430.50 to 125,000",
    );
    expect(historyActor(correction, translate("tr"))).toBe("Ayşe Yılmaz");
  });

  it("names the assignee, the currencies, the API key, a deleted person, and shows an unknown action by its code", () => {
    const tr = translate("tr");
    expect(
      historySentence(
        entry({ action: "document.assign", assignee: { id: "u2", fullName: "Cem Kaya" } }),
        tr,
        "tr",
      ),
    ).toBe("incelemeyi Cem Kaya kişisine atadı");
    expect(
      historySentence(
        entry({ action: "statement.currency", currency: { before: "GBP", after: "PHP" } }),
        translate("en"),
        "en",
      ),
    ).toBe("changed the currency from GBP to PHP");
    expect(historyActor(entry({ apiKey: { id: "k", name: "Gece aktarımı" } }), tr)).toBe(
      "Ayşe Yılmaz (API anahtarı: Gece aktarımı)",
    );
    expect(historyActor(entry({ who: null }), tr)).toBe("Silinmiş kullanıcı");
    expect(historySentence(entry({ action: "document.archive" }), tr, "tr")).toBe("document.archive");
  });
});
