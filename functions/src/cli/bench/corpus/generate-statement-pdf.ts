import type { CanonicalKey, StatementType } from "../../../pipeline/types";
import { absoluteAmount } from "./amount-format";
import { type Concept, generateFigures } from "./company-figures";
import { coversTurkish } from "./pdf-fonts";
import { Random, seedFrom } from "./random";
import { renderStatements } from "./render-statements";
import { conceptsOf, evaluateRows, type StatementRow } from "./statement-rows";
import type { StatementSpec, StyleId } from "./statement-spec";
import { ifrsTemplate } from "./templates/ifrs";
import {
  noteCounter,
  type PeriodColumn,
  type StatementTemplate,
  type TemplateBuilder,
} from "./templates/template";
import { tfrsTemplate } from "./templates/tfrs";
import { thpTemplate } from "./templates/thp";
import { usTemplate } from "./templates/us";
import type { Truth, TruthLine, TruthStatement } from "./truth";

/** Bumped whenever the same seed would produce a different document: invalidates cached corpora. */
export const GENERATOR_VERSION = 6;

const TEMPLATES: Record<StyleId, TemplateBuilder> = {
  thp: thpTemplate,
  tfrs: tfrsTemplate,
  ifrs: ifrsTemplate,
  us: usTemplate,
};
const DESCRIPTIONS: Record<StyleId, string> = {
  thp: "Turkish THP (Tekdüzen Hesap Planı) detailed balance sheet and income statement with account codes, lettered groups, Roman-numeral sections and (-) contra lines",
  tfrs: "Turkish TFRS/KAP financial position and profit or loss statements with a Dipnot column, audited Cari/Önceki Dönem headers",
  ifrs: "English IFRS statement of financial position and of profit or loss with a Notes column",
  us: "US 10-K style consolidated balance sheets and statements of earnings, $ signs, expenses printed unsigned, parentheses for negatives",
};

/** Total assets in printed units: the order of magnitude a company reporting in that unit shows. */
const PRINTED_TOTAL_ASSETS: Record<number, [number, number]> = {
  1: [5.5, 8.7],
  1000: [4, 7.3],
  1000000: [2.7, 5],
};

/** A statement PDF and its ground truth, in memory. */
export async function generateStatementPdf(spec: StatementSpec): Promise<{ pdf: Uint8Array; truth: Truth }> {
  const language = spec.style === "thp" || spec.style === "tfrs" ? "tr" : "en";
  if (language === "tr" && !coversTurkish(spec.font))
    throw new Error(`font ${spec.font} cannot print Turkish`);
  const rng = new Random(seedFrom("document", spec.seed, spec.style));
  const nextNote = noteCounter(rng.fork("notes"), spec.notesColumn);
  const templates = spec.statements.map((type) =>
    TEMPLATES[spec.style]({ spec, rng: rng.fork(`template-${type}`), note: nextNote }, type),
  );

  const currentEnd = `${spec.fiscalYear}-${spec.yearEnd}`;
  const periods: PeriodColumn[] = [{ end: currentEnd, year: spec.fiscalYear, current: true }];
  if (spec.periodCount === 2)
    periods.push({
      end: `${spec.fiscalYear - 1}-${spec.yearEnd}`,
      year: spec.fiscalYear - 1,
      current: false,
    });
  const printOrder = spec.priorFirst ? [...periods.keys()].reverse() : [...periods.keys()];

  const allRows = templates.flatMap((t) => t.rows.rows);
  const { blankRows, zeroConcepts } = chooseEmptyCells(rng.fork("blanks"), spec, allRows, periods.length);
  const [lo, hi] = PRINTED_TOTAL_ASSETS[spec.unit] ?? [4, 7];
  const figures = generateFigures(rng.fork("figures"), {
    concepts: conceptsOf(allRows),
    periodCount: periods.length,
    totalAssetsScale: 10 ** rng.uniform(lo, hi) * 10 ** spec.amounts.decimals,
    blank: zeroConcepts,
  });
  const evaluated = templates.map((template) => ({
    template,
    values: evaluateRows(template.rows.rows, figures, blankRows),
  }));

  const rendered = await renderStatements(
    spec,
    evaluated,
    printOrder.map((i) => periods[i]!),
    printOrder,
    rng.fork("layout"),
  );
  const statements = evaluated.map(({ template, values }, s) =>
    truthStatement(
      spec,
      template,
      values,
      periods,
      printOrder,
      rendered.rowPages[s]!,
      rendered.statementPages[s]!,
    ),
  );
  const truth: Truth = {
    id: spec.id,
    variant: "digital",
    language,
    style: spec.style,
    description: DESCRIPTIONS[spec.style],
    pages: rendered.pageCount,
    generator: { name: "finstat-corpus", version: GENERATOR_VERSION, seed: spec.seed, spec: { ...spec } },
    statements,
  };
  return { pdf: rendered.pdf, truth };
}

/**
 * Picks leaf lines printed blank (null in the truth) in one period, mostly the prior one,
 * and a few that are a printed zero. Either way their concepts are 0 in that period's arithmetic.
 */
function chooseEmptyCells(rng: Random, spec: StatementSpec, rows: StatementRow[], periodCount: number) {
  const blankRows = Array.from({ length: periodCount }, () => new Set<string>());
  const zeroConcepts = Array.from({ length: periodCount }, () => new Set<Concept>());
  if (periodCount < 2) return { blankRows, zeroConcepts };
  const candidates = rows.filter((r) => r.blankable);
  const empties = spec.blankCells + (rng.chance(0.4) ? 1 : 0);
  for (let n = 0; n < empties && candidates.length > 0; n++) {
    const index = rng.int(0, candidates.length - 1);
    const [row] = candidates.splice(index, 1);
    if (!row) continue;
    const period = rng.chance(0.75) ? 1 : 0;
    // The extra one beyond spec.blankCells is a printed zero ("—", "-" or "0").
    if (n < spec.blankCells) blankRows[period]!.add(row.id);
    for (const c of row.concepts ?? []) zeroConcepts[period]!.add(c);
  }
  return { blankRows, zeroConcepts };
}

function truthStatement(
  spec: StatementSpec,
  template: StatementTemplate,
  values: Map<string, Array<number | null>>,
  periods: PeriodColumn[],
  printOrder: number[],
  rowPages: Map<string, number>,
  pages: number[],
): TruthStatement {
  const amount = (minor: number) => absoluteAmount(minor, spec.amounts.decimals, spec.unit);
  const canonical: Partial<Record<CanonicalKey, Record<string, number>>> = {};
  const lines: TruthLine[] = [];
  for (const row of template.rows.rows) {
    const rowValues = values.get(row.id) ?? [];
    if (row.key) {
      periods.forEach((p, i) => {
        const v = rowValues[i];
        if (v === null || v === undefined) return;
        const byPeriod = canonical[row.key!] ?? {};
        canonical[row.key!] = byPeriod;
        byPeriod[p.end] = (byPeriod[p.end] ?? 0) + v;
      });
    }
    if (!row.showValue || row.role === "heading") continue;
    lines.push({
      label: row.label,
      ...(row.code ? { code: row.code } : {}),
      ...(row.note ? { note: row.note } : {}),
      ...(row.key ? { key: row.key } : {}),
      ...(row.parentKey && row.parentKey !== row.key ? { parentKey: row.parentKey } : {}),
      level: row.level,
      isTotal: row.role === "total" || (row.role === "group" && row.level === 0),
      page: rowPages.get(row.id) ?? 0,
      values: Object.fromEntries(
        printOrder.map((i) => {
          const v = rowValues[i];
          return [periods[i]!.end, v === null || v === undefined ? null : amount(v * row.printedSign)];
        }),
      ),
    });
  }
  for (const byPeriod of Object.values(canonical)) {
    for (const end of Object.keys(byPeriod)) byPeriod[end] = amount(byPeriod[end]!);
  }
  return {
    type: template.type as StatementType,
    currency: spec.currency,
    unit: spec.unit,
    periods: printOrder.map((i) => ({
      end: periods[i]!.end,
      label: template.columnHeader(periods[i]!).join(" "),
    })),
    canonical,
    title: template.title.slice(1).join(" "),
    pages,
    lines,
  };
}
