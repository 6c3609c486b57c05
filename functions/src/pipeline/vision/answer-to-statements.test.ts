import { describe, expect, it } from "vitest";
import { sampleBalanceSheetAnswer } from "../../../test/fixtures/vision-sample-answers";
import { resolveVisionPeriods } from "./answer-heading";
import { readVisionAnswer } from "./answer-schema";
import { answerToStatements } from "./answer-to-statements";

describe("readVisionAnswer", () => {
  it("accepts an answer that follows the schema", () => {
    const read = readVisionAnswer(JSON.stringify(sampleBalanceSheetAnswer()));
    expect("answer" in read && read.answer.statements[0]?.lines).toHaveLength(18);
  });

  it("names what is wrong with malformed, truncated and schema-violating answers", () => {
    expect(readVisionAnswer("{ statements: [")).toMatchObject({ problem: { kind: "malformed" } });
    expect(readVisionAnswer('{"statements": [', "length")).toMatchObject({ problem: { kind: "truncated" } });
    const wrongType = {
      statements: [{ ...sampleBalanceSheetAnswer().statements[0], type: "cash_flow" }],
      illegible: false,
    };
    const read = readVisionAnswer(JSON.stringify(wrongType));
    expect(read).toMatchObject({ problem: { kind: "schema_violation" } });
    expect("problem" in read && read.problem.message).toContain("statements.0.type");
    const answer = sampleBalanceSheetAnswer();
    answer.statements[0]?.lines[0]?.values.pop();
    expect(readVisionAnswer(JSON.stringify(answer))).toMatchObject({
      problem: { kind: "schema_violation", message: expect.stringContaining("1 values for 2 periods") },
    });
  });
});

describe("answerToStatements", () => {
  it("re-reads the printed amounts, applies the unit and maps labels with our dictionaries", () => {
    const { statements } = answerToStatements(sampleBalanceSheetAnswer(), { page: 1, language: "en" });
    const bs = statements[0];
    expect(bs?.unit).toBe(1000);
    expect(bs?.currency).toBe("EUR");
    expect(bs?.periods.map((p) => p.id)).toEqual(["2024-12-31", "2023-12-31"]);
    expect(bs?.canonical.inventories).toEqual({ "2024-12-31": 3_200_000, "2023-12-31": 2_800_000 });
    expect(bs?.canonical.long_term_borrowings?.["2024-12-31"]).toBe(6_000_000);
    expect(bs?.canonical.short_term_borrowings?.["2024-12-31"]).toBe(1_500_000);
    expect(bs?.items.every((i) => i.sources.join() === "vision" && i.page === 1)).toBe(true);
    expect(bs?.checks.every((c) => c.ok)).toBe(true);
    // Nothing the model read is high-confidence on its own.
    expect(
      Math.max(...Object.values(bs?.canonicalConfidence ?? {}).flatMap((p) => Object.values(p ?? {}))),
    ).toBeLessThan(0.9);
  });

  it("takes the key from a printed THP code over the model's key, and the model's key only at low confidence", () => {
    const answer = sampleBalanceSheetAnswer();
    const lines = answer.statements[0]?.lines ?? [];
    lines.unshift(
      {
        label: "Kasa",
        code: "100",
        note: null,
        key: "inventories",
        section: "current_assets",
        values: ["10", "20"],
        isTotal: false,
      },
      {
        label: "Zzqx account",
        code: null,
        note: null,
        key: "other_receivables",
        section: "current_assets",
        values: ["1", "2"],
        isTotal: false,
      },
    );
    const bs = answerToStatements(answer, { page: 2 }).statements[0];
    const kasa = bs?.items.find((i) => i.label === "Kasa");
    expect(kasa?.key).toBe("cash_and_equivalents");
    const guessed = bs?.items.find((i) => i.label === "Zzqx account");
    expect(guessed?.key).toBe("other_receivables");
    expect(guessed?.flags).toContain("key_from_model");
    expect(bs?.keyConfidence[1]).toBeLessThanOrEqual(0.6);
  });

  it("signs costs by the statement's own convention, whatever the model printed", () => {
    const answer = {
      illegible: false,
      statements: [
        {
          type: "income_statement" as const,
          title: "GELİR TABLOSU",
          currency: "TL",
          unit: "units" as const,
          periods: [{ label: "01.01.-31.12.2024", end: null }],
          lines: [
            {
              label: "Hasılat",
              code: null,
              note: null,
              key: null,
              section: null,
              values: ["1.000.000"],
              isTotal: false,
            },
            {
              label: "Satışların Maliyeti (-)",
              code: null,
              note: null,
              key: null,
              section: null,
              values: ["(600.000)"],
              isTotal: false,
            },
            {
              label: "BRÜT KAR (ZARAR)",
              code: null,
              note: null,
              key: null,
              section: null,
              values: ["400.000"],
              isTotal: true,
            },
          ],
        },
      ],
    };
    const is = answerToStatements(answer, { page: 1, language: "tr" }).statements[0];
    expect(is?.currency).toBe("TRY");
    expect(is?.periods[0]?.id).toBe("2024-12-31");
    expect(is?.canonical.revenue?.["2024-12-31"]).toBe(1_000_000);
    expect(is?.canonical.cost_of_sales?.["2024-12-31"]).toBe(-600_000);
    expect(is?.canonical.gross_profit?.["2024-12-31"]).toBe(400_000);
    expect(is?.checks.find((c) => c.rule.startsWith("gross_profit"))?.ok).toBe(true);
  });

  it("takes a group line's value rather than adding it to its accounts", () => {
    const answer = sampleBalanceSheetAnswer();
    const lines = answer.statements[0]?.lines ?? [];
    lines.splice(
      0,
      lines.length,
      {
        label: "A. Hazır Değerler",
        code: null,
        note: null,
        key: null,
        section: "current_assets",
        values: ["300", "200"],
        isTotal: false,
      },
      {
        label: "Kasa",
        code: "100",
        note: null,
        key: null,
        section: "current_assets",
        values: ["100", "50"],
        isTotal: false,
      },
      {
        label: "Bankalar",
        code: "102",
        note: null,
        key: null,
        section: "current_assets",
        values: ["200", "150"],
        isTotal: false,
      },
    );
    const bs = answerToStatements(answer, { page: 1, language: "tr" }).statements[0];
    expect(bs?.canonical.cash_and_equivalents?.["2024-12-31"]).toBe(300_000);
    expect(bs?.items[0]?.label).toBe("Hazır Değerler");
  });

  it("adds up two groups with one key, and leaves extraordinary items and other comprehensive income unkeyed", () => {
    const line = (label: string, value: string, isTotal = false) => ({
      label,
      code: null,
      note: null,
      key: null,
      section: null,
      values: [value],
      isTotal,
    });
    const answer = {
      illegible: false,
      statements: [
        {
          type: "income_statement" as const,
          title: null,
          currency: "TRY",
          unit: "units" as const,
          periods: [{ label: "2023", end: "2023-12-31" }],
          lines: [
            line("F. Diğer Faaliyetlerden Olağan Gelir ve Kârlar", "125.000", true),
            line("Faiz Gelirleri", "50.000"),
            line("Kambiyo Kârları", "75.000"),
            line("J. Olağandışı Gelir ve Kârlar", "91.000", true),
            line("Diğer Olağandışı Gelir ve Kârlar", "91.000"),
          ],
        },
      ],
    };
    const is = answerToStatements(answer, { page: 1, language: "tr" }).statements[0];
    expect(is?.canonical.other_operating_income?.["2023-12-31"]).toBe(125_000);
    expect(is?.items.filter((i) => /Olağandışı/.test(i.label)).every((i) => i.key === undefined)).toBe(true);

    const sheet = sampleBalanceSheetAnswer();
    const rows = sheet.statements[0]?.lines ?? [];
    rows.splice(
      0,
      rows.length,
      {
        label: "C. Diğer Borçlar",
        code: null,
        note: null,
        key: null,
        section: "current_liabilities",
        values: ["28", "20"],
        isTotal: true,
      },
      {
        label: "Ortaklara Borçlar",
        code: "331",
        note: null,
        key: null,
        section: "current_liabilities",
        values: ["28", "20"],
        isTotal: false,
      },
      {
        label: "D. Ödenecek Vergi ve Diğer Yükümlülükler",
        code: null,
        note: null,
        key: null,
        section: "current_liabilities",
        values: ["9", "8"],
        isTotal: true,
      },
      {
        label: "Ödenecek Vergi ve Fonlar",
        code: "360",
        note: null,
        key: null,
        section: "current_liabilities",
        values: ["9", "8"],
        isTotal: false,
      },
    );
    const bs = answerToStatements(sheet, { page: 1, language: "tr" }).statements[0];
    expect(bs?.canonical.other_current_liabilities?.["2024-12-31"]).toBe(37_000);
  });

  it("resolves period ids from end dates, printed dates and years, and keeps duplicates apart", () => {
    const periods = resolveVisionPeriods([
      { label: "Cari Dönem 31.12.2024", end: null },
      { label: "2023", end: "2023-02-30" },
      { label: "Prior", end: null },
      { label: "Prior", end: null },
    ]);
    expect(periods.map((p) => p.id)).toEqual(["2024-12-31", "2023-12-31", "period_3", "period_4"]);
  });
});
