import { describe, expect, it } from "vitest";
import type { VisionAnswer, VisionAnswerLine, VisionAnswerStatement } from "./answer-schema";
import { combineTileAnswers } from "./combine-tile-answers";

const line = (label: string, ...values: Array<string | null>): VisionAnswerLine => ({
  label,
  code: null,
  note: null,
  key: null,
  section: null,
  values,
  isTotal: false,
});

const sheet = (
  lines: VisionAnswerLine[],
  periods: VisionAnswerStatement["periods"] = [
    { label: "31.12.2024", end: "2024-12-31" },
    { label: "31.12.2023", end: "2023-12-31" },
  ],
): VisionAnswer => ({
  statements: [
    { type: "balance_sheet", title: "Bilanço", currency: "TRY", unit: "thousands", periods, lines },
  ],
  illegible: false,
});

const labels = (answer: VisionAnswer) => answer.statements[0]?.lines.map((l) => l.label);

describe("combineTileAnswers", () => {
  it("keeps a line read in two overlapping tiles once, filling a cell only one tile read", () => {
    const { answer, warnings } = combineTileAnswers([
      sheet([line("Nakit", "10", "9"), line("Alacaklar", "20", "18"), line("Stoklar", "30", null)]),
      sheet([line("Stoklar", "30", "27"), line("Dönen varlıklar", "60", "54")]),
    ]);
    expect(labels(answer)).toEqual(["Nakit", "Alacaklar", "Stoklar", "Dönen varlıklar"]);
    expect(answer.statements[0]?.lines[2]?.values).toEqual(["30", "27"]);
    expect(warnings).toEqual([]);
  });

  it("keeps two printed lines with the same label when they are far apart and read differently", () => {
    const { answer } = combineTileAnswers([
      sheet([
        line("Diğer", "5", "4"),
        line("A", "1", "1"),
        line("B", "2", "2"),
        line("C", "3", "3"),
        line("D", "4", "4"),
        line("E", "6", "6"),
      ]),
      sheet([
        line("E", "6", "6"),
        line("F", "7", "7"),
        line("G", "8", "8"),
        line("H", "9", "9"),
        line("Diğer", "50", "40"),
      ]),
    ]);
    expect(labels(answer)?.filter((l) => l === "Diğer")).toHaveLength(2);
    expect(labels(answer)?.filter((l) => l === "E")).toHaveLength(1);
  });

  it("reports two readings of one cell that disagree at the shared edge, keeping the upper tile's", () => {
    const { answer, warnings } = combineTileAnswers([
      sheet([line("Nakit", "10", "9"), line("Stoklar", "30", "27")]),
      sheet([line("Stoklar", "80", "27"), line("Toplam", "40", "36")]),
    ]);
    expect(labels(answer)).toEqual(["Nakit", "Stoklar", "Toplam"]);
    expect(answer.statements[0]?.lines[1]?.values).toEqual(["30", "27"]);
    expect(warnings).toContain("vision_tiles_disagree");
  });

  it("puts a lower tile's bare columns under the headings the upper tile read", () => {
    const { answer } = combineTileAnswers([
      sheet([line("Nakit", "10", "9")]),
      sheet(
        [line("Toplam", "40", "36")],
        [
          { label: "", end: null },
          { label: "", end: null },
        ],
      ),
    ]);
    expect(answer.statements[0]?.periods.map((p) => p.end)).toEqual(["2024-12-31", "2023-12-31"]);
    expect(answer.statements[0]?.lines[1]?.values).toEqual(["40", "36"]);
  });

  it("joins statements by type and calls a page illegible only when every tile is", () => {
    const income: VisionAnswer = {
      statements: [
        {
          type: "income_statement",
          title: null,
          currency: null,
          unit: "thousands",
          periods: [{ label: "2024", end: null }],
          lines: [line("Hasılat", "100")],
        },
      ],
      illegible: true,
    };
    const { answer } = combineTileAnswers([sheet([line("Nakit", "10", "9")]), income]);
    expect(answer.statements.map((s) => s.type)).toEqual(["balance_sheet", "income_statement"]);
    expect(answer.illegible).toBe(false);
    expect(combineTileAnswers([income, income]).answer.illegible).toBe(true);
  });
});
