import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPrintedAmount } from "../../src/cli/bench/corpus/amount-format";
import { generateCorpus } from "../../src/cli/bench/corpus/generate-corpus";
import { generateStatementPdf } from "../../src/cli/bench/corpus/generate-statement-pdf";
import { scanVariant } from "../../src/cli/bench/corpus/scan-variant";
import { randomStatementSpec, STYLES, type StatementSpec } from "../../src/cli/bench/corpus/statement-spec";
import type { Truth } from "../../src/cli/bench/corpus/truth";
import { truthArithmeticViolations } from "../../src/cli/bench/corpus/truth-arithmetic";
import { pdfjsItems, pdfjsPages, pdftotextPages } from "./pdf-text";

const run = promisify(execFile);

/** The printed text of a truth line value, in the document's own number format. */
function printed(value: number, spec: StatementSpec): string {
  const minor = Math.round((value / spec.unit) * 10 ** spec.amounts.decimals);
  return formatPrintedAmount(minor, spec.amounts);
}

const generated = new Map<string, { spec: StatementSpec; pdf: Uint8Array; truth: Truth }>();

beforeAll(async () => {
  for (const style of STYLES) {
    for (const seed of [11, 12]) {
      const spec = randomStatementSpec(seed, style, seed === 12 ? { periodCount: 2, blankCells: 2 } : {});
      generated.set(`${style}-${seed}`, { spec, ...(await generateStatementPdf(spec)) });
    }
  }
});

describe("generated statement PDFs", () => {
  it("open in pdfjs with the truth's page count and a text layer on every page", async () => {
    for (const { pdf, truth, spec } of generated.values()) {
      const { pages, text } = await pdfjsPages(pdf);
      expect(pages).toBe(truth.pages);
      expect(text.every((items) => items.length > 10)).toBe(true);
      expect(text[0]!.join(" ")).toContain(spec.company.split(" ")[0]);
    }
  });

  it("print every amount of the truth's lines, in the style's number format, on the truth's page", async () => {
    for (const { pdf, truth, spec } of generated.values()) {
      const pages = await pdftotextPages(pdf);
      let checked = 0;
      for (const statement of truth.statements) {
        for (const line of statement.lines ?? []) {
          for (const value of Object.values(line.values)) {
            if (value === null || value === 0) continue;
            expect(pages[line.page - 1], `${truth.id} ${line.label} ${value}`).toContain(
              printed(value, spec),
            );
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(30);
    }
  });

  it("separate thousands and decimals as the spec says", () => {
    const tr = { separators: "tr", decimals: 2, negatives: "parens", zero: "—" } as const;
    expect(formatPrintedAmount(123456789, tr)).toBe("1.234.567,89");
    expect(formatPrintedAmount(-123456789, { ...tr, separators: "en", negatives: "minus" })).toBe(
      "-1,234,567.89",
    );
    expect(formatPrintedAmount(-1234, { ...tr, decimals: 0 })).toBe("(1.234)");
    expect(formatPrintedAmount(0, tr)).toBe("—");
  });

  it("keep the notes column out of the amounts: a note is never a line value", () => {
    const tfrs = [...generated.values()].filter((g) => g.spec.style === "tfrs");
    const lines = tfrs.flatMap((g) => g.truth.statements.flatMap((s) => s.lines ?? []));
    const noted = lines.filter((l) => l.note);
    expect(noted.length).toBeGreaterThan(5);
    for (const line of noted) {
      expect(Number(line.note)).toBeLessThan(60);
      expect(Object.values(line.values)).not.toContain(Number(line.note));
    }
  });

  it("record blank cells as null in the lines and leave them out of the canonical values", () => {
    const blanks = [...generated.values()].flatMap((g) =>
      g.truth.statements.flatMap((s) =>
        (s.lines ?? []).flatMap((l) =>
          Object.entries(l.values)
            .filter(([, v]) => v === null)
            .map(([end]) => ({ statement: s, line: l, end })),
        ),
      ),
    );
    expect(blanks.length).toBeGreaterThan(0);
    for (const { statement, line, end } of blanks) {
      const sameKey = (statement.lines ?? []).filter((l) => l.key && l.key === line.key);
      // A key printed on this one line only has no value for a period whose cell is blank.
      if (line.key && sameKey.length === 1) expect(statement.canonical[line.key]?.[end]).toBeUndefined();
    }
    for (const { truth } of generated.values()) {
      for (const s of truth.statements)
        for (const byPeriod of Object.values(s.canonical))
          for (const v of Object.values(byPeriod ?? {})) expect(Number.isFinite(v)).toBe(true);
    }
  });
});

describe("truth arithmetic", () => {
  it("holds for every style over many seeds: subtotals, A = L + E, the income chain, profit = net income", async () => {
    for (const style of STYLES) {
      for (let seed = 100; seed < 112; seed++) {
        const { truth } = await generateStatementPdf(randomStatementSpec(seed, style));
        expect(truthArithmeticViolations(truth), `${style} ${seed}`).toEqual([]);
        const balance = truth.statements.find((s) => s.type === "balance_sheet")!;
        expect(Object.keys(balance.canonical)).toEqual(
          expect.arrayContaining(["total_assets", "total_equity"]),
        );
      }
    }
  });

  it("detects a broken identity (the checker is not vacuous)", () => {
    const { truth } = generated.get("thp-12")!;
    const broken = structuredClone(truth);
    const bs = broken.statements.find((s) => s.type === "balance_sheet")!;
    const end = bs.periods[0]!.end;
    bs.canonical.total_assets![end] = bs.canonical.total_assets![end]! + 1000;
    expect(truthArithmeticViolations(broken).length).toBeGreaterThan(0);
  });

  it("signs values additively: costs and tax negative, assets positive", () => {
    for (const { truth } of generated.values()) {
      const is = truth.statements.find((s) => s.type === "income_statement")!;
      for (const v of Object.values(is.canonical.cost_of_sales ?? {})) expect(v).toBeLessThan(0);
      for (const v of Object.values(is.canonical.revenue ?? {})) expect(v).toBeGreaterThan(0);
      const bs = truth.statements.find((s) => s.type === "balance_sheet")!;
      for (const v of Object.values(bs.canonical.total_assets ?? {})) expect(v).toBeGreaterThan(0);
    }
  });
});

describe("THP with an account column", () => {
  it("prints account lines in the inner column and group totals in the outer one", async () => {
    const spec = randomStatementSpec(9, "thp", { accountColumn: true, groupSubtotals: true, periodCount: 1 });
    const { pdf, truth } = await generateStatementPdf(spec);
    const items = await pdfjsItems(pdf);
    const lines = truth.statements.find((s) => s.type === "balance_sheet")!.lines!;
    const rightEdge = (value: number | null | undefined) => {
      const item = items.find((i) => i.page === 1 && i.str === printed(value!, spec));
      expect(item, String(value)).toBeDefined();
      return item!.right;
    };
    const kasa = lines.find((l) => l.code === "100")!;
    const cash = lines.find((l) => l.key === "cash_and_equivalents")!;
    const end = truth.statements[0]!.periods[0]!.end;
    expect(rightEdge(cash.values[end])).toBeGreaterThan(rightEdge(kasa.values[end]) + 30);
  });
});

describe("single statements", () => {
  it("give a company of real size when only the income statement is printed", async () => {
    const { truth } = await generateStatementPdf(
      randomStatementSpec(8, "us", { statements: ["income_statement"] }),
    );
    expect(truth.statements.map((s) => s.type)).toEqual(["income_statement"]);
    for (const v of Object.values(truth.statements[0]!.canonical.revenue ?? {}))
      expect(v).toBeGreaterThan(1000);
    expect(truthArithmeticViolations(truth)).toEqual([]);
  });
});

describe("determinism", () => {
  it("gives byte-identical PDFs and truth for the same seed, different ones for another", async () => {
    const spec = randomStatementSpec(5, "tfrs");
    const a = await generateStatementPdf(spec);
    const b = await generateStatementPdf(randomStatementSpec(5, "tfrs"));
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
    expect(b.truth).toEqual(a.truth);
    const c = await generateStatementPdf(randomStatementSpec(6, "tfrs"));
    expect(c.truth.statements).not.toEqual(a.truth.statements);
  });
});

describe("scanned variants", () => {
  let scan: { pdf: Uint8Array; truth: Truth };
  let digital: { pdf: Uint8Array; truth: Truth };

  beforeAll(async () => {
    const spec = randomStatementSpec(21, "us", {
      periodCount: 1,
      statements: ["income_statement"],
      id: "us-21-digital",
    });
    digital = await generateStatementPdf(spec);
    scan = await scanVariant(digital.pdf, digital.truth, "scan200noisy");
  });

  it("are image-only: no text layer, one image per page, same page count", async () => {
    const { pages, text, images } = await pdfjsPages(scan.pdf);
    expect(pages).toBe(digital.truth.pages);
    expect(text.flat()).toEqual([]);
    expect(images.every((n) => n === 1)).toBe(true);
    expect((await pdftotextPages(scan.pdf)).join("").trim()).toBe("");
  });

  it("carry the digital truth with the variant and scan parameters", () => {
    expect(scan.truth.id).toBe("us-21-scan200noisy");
    expect(scan.truth.variant).toBe("scan200noisy");
    expect(scan.truth.statements).toEqual(digital.truth.statements);
    expect(scan.truth.scan?.dpi).toBe(200);
    for (const skew of scan.truth.scan?.skewDegrees ?? []) expect(Math.abs(skew)).toBeGreaterThanOrEqual(0.5);
  });

  it("are JPEG images at the variant's resolution", async () => {
    const dir = await mkdtemp(join(tmpdir(), "finstat-scan-test-"));
    try {
      await import("node:fs/promises").then((fs) => fs.writeFile(join(dir, "s.pdf"), scan.pdf));
      const { stdout } = await run("pdfimages", ["-list", join(dir, "s.pdf")]);
      const rows = stdout.split("\n").slice(2).filter(Boolean);
      expect(rows.length).toBe(digital.truth.pages);
      for (const row of rows) {
        const cells = row.trim().split(/\s+/);
        expect(cells[8]).toBe("jpeg");
        expect(Number(cells[12])).toBeGreaterThanOrEqual(195);
        expect(Number(cells[12])).toBeLessThanOrEqual(205);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("generateCorpus", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "finstat-corpus-test-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes a PDF and a truth file per entry and reuses them on the next run", async () => {
    const first: boolean[] = [];
    const entries = await generateCorpus({
      seed: 3,
      count: 2,
      variants: ["digital"],
      styles: ["ifrs", "us"],
      outDir: dir,
      onEntry: (_e, reused) => first.push(reused),
    });
    expect(entries.map((e) => e.id)).toEqual([
      "ifrs-s3-000-digital",
      "ifrs-s3-001-digital",
      "us-s3-000-digital",
      "us-s3-001-digital",
    ]);
    expect(first).toEqual([false, false, false, false]);
    expect((await readdir(dir)).length).toBe(8);
    const truth = JSON.parse(await readFile(entries[0]!.truthPath, "utf8")) as Truth;
    expect(truth.id).toBe("ifrs-s3-000-digital");
    expect(truth.statements.length).toBe(2);
    const again: boolean[] = [];
    await generateCorpus({
      seed: 3,
      count: 2,
      variants: ["digital"],
      styles: ["ifrs", "us"],
      outDir: dir,
      onEntry: (_e, r) => again.push(r),
    });
    expect(again).toEqual([true, true, true, true]);
  });
});
