import { describe, expect, it } from "vitest";
import { balanceSheet, incomeStatement } from "../../test/fixtures/example-company";
import { buildCompanyTimeline, type TimelineDocument } from "./timeline";

const report = (
  documentId: string,
  uploadedAt: string,
  revenue: Record<string, number>,
  assets: Record<string, number>,
  unit = 1,
): TimelineDocument => ({
  documentId,
  uploadedAt,
  statements: [
    balanceSheet(Object.fromEntries(Object.entries(assets).map(([end, v]) => [end, { total_assets: v }])), {
      unit,
    }),
    incomeStatement(Object.fromEntries(Object.entries(revenue).map(([end, v]) => [end, { revenue: v }])), {
      unit,
    }),
  ],
});

describe("buildCompanyTimeline", () => {
  // Uploaded out of order: the 2024 report first, the 2022 report last.
  const documents = [
    report(
      "doc-2024",
      "2025-03-01T10:00:00Z",
      { "2024-12-31": 3_000_000, "2023-12-31": 2_450_000 }, // 2023 restated
      { "2024-12-31": 2_000_000, "2023-12-31": 1_600_000 },
    ),
    report(
      "doc-2023",
      "2025-03-02T10:00:00Z",
      { "2023-12-31": 2_500_000, "2022-12-31": 2_000_000 },
      { "2023-12-31": 1_600_000, "2022-12-31": 1_400_000 },
    ),
    report(
      "doc-2022",
      "2025-03-03T10:00:00Z",
      { "2022-12-31": 2_000_000, "2021-12-31": 1_700_000 },
      { "2022-12-31": 1_400_000, "2021-12-31": 1_300_000 },
    ),
  ];
  const timeline = buildCompanyTimeline(documents);

  it("merges three reports into one ascending multi-period view", () => {
    expect(timeline.periods.map((p) => p.period)).toEqual([
      "2021-12-31",
      "2022-12-31",
      "2023-12-31",
      "2024-12-31",
    ]);
    expect(timeline.documents).toEqual(["doc-2022", "doc-2023", "doc-2024"]);
    expect(timeline.periods[3]?.statements.sort()).toEqual(["balance_sheet", "income_statement"]);
  });

  it("lets the later report win a conflicting value and reports both values and documents", () => {
    expect(timeline.periods[2]?.values.revenue).toBe(2_450_000);
    expect(timeline.periods[2]?.sources?.revenue).toBe("doc-2024");
    expect(timeline.conflicts).toEqual([
      {
        period: "2023-12-31",
        statement: "income_statement",
        key: "revenue",
        chosen: { documentId: "doc-2024", value: 2_450_000 },
        values: [
          { documentId: "doc-2023", value: 2_500_000 },
          { documentId: "doc-2024", value: 2_450_000 },
        ],
        difference: 50_000,
      },
    ]);
  });

  it("can give precedence to the latest upload instead", () => {
    const byUpload = buildCompanyTimeline(documents, { precedence: "upload" });
    expect(byUpload.documents).toEqual(["doc-2024", "doc-2023", "doc-2022"]);
    expect(byUpload.periods[2]?.values.revenue).toBe(2_500_000);
    expect(byUpload.conflicts[0]?.chosen.documentId).toBe("doc-2023");
  });

  it("does not call a rounding difference a conflict and keeps the more precise figure", () => {
    const precise = report("tl", "2025-01-01", {}, { "2023-12-31": 1_600_123 });
    const thousands = report(
      "bin-tl",
      "2025-01-02",
      {},
      { "2024-12-31": 2_000_000, "2023-12-31": 1_600_000 },
      1000,
    );
    const merged = buildCompanyTimeline([thousands, precise]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.periods[0]?.values.total_assets).toBe(1_600_123);
    expect(merged.periods[0]?.sources?.total_assets).toBe("tl");
  });

  it("warns when documents report the same period in different currencies", () => {
    const usd = {
      documentId: "usd",
      statements: [balanceSheet({ "2024-12-31": { total_assets: 60_000 } }, { currency: "USD" })],
    };
    const tl = {
      documentId: "try",
      statements: [balanceSheet({ "2024-12-31": { total_assets: 2_000_000 } })],
    };
    const merged = buildCompanyTimeline([tl, usd]);
    expect(merged.warnings).toEqual([
      "2024-12-31: documents report different currencies (TRY in try; USD in usd); values were not converted",
    ]);
    expect(merged.conflicts).toHaveLength(1);
  });

  it("returns an empty timeline for no documents", () => {
    expect(buildCompanyTimeline([])).toEqual({ periods: [], conflicts: [], documents: [], warnings: [] });
  });
});
