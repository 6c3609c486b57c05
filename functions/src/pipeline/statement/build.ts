import { applyChecks } from "../checks/confidence";
import { evaluateIdentities, identitiesFor } from "../checks/identities";
import {
  equalsChecks,
  grandTotalChecks,
  incomeChainChecks,
  outlineChecks,
  sectionSumChecks,
} from "../checks/line-sums";
import { doubtfulValueCount } from "../checks/review";
import { lineText } from "../layout/lines";
import { type NumberFormat, parseAmount } from "../parse/amount";
import { entityNameFrom } from "../parse/entity-name";
import { mentionsRestatement } from "../parse/inflation-restatement";
import { detectCurrency, detectUnit } from "../parse/statement-heading";
import { taxIdFrom } from "../parse/tax-id";
import { CURRENCY_NOT_STATED } from "../parse/unit-and-currency";
import type { Statement, StatementType } from "../types";
import { aggregateCanonical, type KeyedLine, keyUnlabelledSubtotals, signLines } from "./aggregate";
import {
  findSubtotalsByArithmetic,
  keyTotalsByArithmetic,
  resolveKeysByArithmetic,
  signTaxByArithmetic,
} from "./arithmetic-keys";
import type { StatementBlock } from "./blocks";
import { detectSignConvention, signedValue } from "./canonical";
import { findComponents } from "./hierarchy";
import { buildLines, type ParsedLine } from "./items";
import { type BlockLayout, layoutBlock } from "./layout";
import { capInferredPeriods } from "./period-repairs";
import { findStatementDate } from "./periods";

export interface DocumentContext {
  format: NumberFormat;
  /** Unit and currency printed anywhere in the document, for statements that do not say. */
  unit?: number;
  currency?: string;
  language: "tr" | "en";
}

export interface BuiltStatement {
  statement: Statement;
  lines: KeyedLine[];
  /** The date in the statement's title or the lines above it ("31 Aralık 2024 tarihli"). */
  statementDate?: string;
  /** False when nothing printed said the unit and units of one were assumed. */
  unitStated: boolean;
}

const MIN_KEYED_LINES = 2;

function firstFound<T>(texts: string[], find: (t: string) => T | null): T | undefined {
  for (const text of texts) {
    const found = find(text);
    if (found) return found;
  }
  return undefined;
}

/**
 * How the statement prints its amounts: whole numbers (at least five of them and hardly any
 * with one or two decimals, a per-share figure) or to the kuruş/cent (most with two decimals).
 * Three decimals are left out: they may be thousands.
 */
function printedPrecision(
  layout: BlockLayout,
  format: NumberFormat,
): { wholeAmounts: boolean; cents: boolean } {
  let whole = 0;
  let cents = 0;
  let decimal = 0;
  layout.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if ((layout.placement[r]?.[c] ?? -1) < 0) return;
      const reading = parseAmount(cell.text, format);
      if (!reading || reading.isDash) return;
      if (reading.decimals === 0) whole += 1;
      else if (reading.decimals !== 3) decimal += 1;
      if (reading.decimals === 2) cents += 1;
    });
  });
  return { wholeAmounts: whole >= 5 && decimal <= 0.2 * whole, cents: cents >= 5 && cents > whole };
}

/** A block whose title names no statement is read as both and kept as the one more lines map in. */
function readAsItsType(
  titled: StatementType | undefined,
  readAs: (type: StatementType) => ParsedLine[],
): { type: StatementType; parsed: ParsedLine[] } {
  if (titled) return { type: titled, parsed: readAs(titled) };
  const asBalance = readAs("balance_sheet");
  const asIncome = readAs("income_statement");
  const keyed = (ls: ParsedLine[]) => ls.filter((l) => l.item.key).length;
  const type = keyed(asIncome) > keyed(asBalance) ? "income_statement" : "balance_sheet";
  return { type, parsed: type === "income_statement" ? asIncome : asBalance };
}

/**
 * Who the statement is of, from its heading: lines above the title and those between it and the
 * first figure ("The Clorox Company" under "CONSOLIDATED BALANCE SHEETS").
 */
function nameEntity(statement: Statement, block: StatementBlock): void {
  const firstFigure = block.rows.findIndex((row) => row.cells.length > 0);
  const preamble = [
    ...block.preamble.map(lineText),
    ...block.rows.slice(0, Math.max(0, firstFigure)).map((row) => lineText(row.line)),
  ];
  const entity = entityNameFrom(preamble);
  if (entity) statement.entity = entity;
  const taxId = taxIdFrom(preamble);
  if (taxId) statement.taxId = taxId;
}

/** Reads one statement block into a checked statement, or null when it holds no statement. */
export function buildStatement(block: StatementBlock, doc: DocumentContext): BuiltStatement | null {
  const context = [block.title ?? "", ...block.preamble.map(lineText)];
  const layout = layoutBlock(block.rows, block.preamble, context);
  const texts = [...context, ...layout.headerLines.map(lineText)];
  const statedUnit = firstFound(texts, (t) => detectUnit(t))?.unit ?? doc.unit;
  const unit = statedUnit ?? 1;
  // Turkish statements are kept in lira by law (VUK); for any other, nothing printed means
  // nothing known: ISO 4217's "XXX", never a guessed dollar.
  const currency =
    firstFound(texts, (t) => detectCurrency(t))?.currency ??
    doc.currency ??
    (doc.language === "tr" ? "TRY" : CURRENCY_NOT_STATED);

  const precision = printedPrecision(layout, doc.format);
  const format = { ...doc.format, wholeAmounts: precision.wholeAmounts };
  // Rounding the checks allow: half a printed unit per line, a cent where cents are printed.
  const rounding = precision.cents ? unit / 100 : unit;
  const readAs = (type: StatementType) =>
    buildLines(layout.rows, layout.placement, { statement: type, periods: layout.periods, format, unit });
  const { type, parsed } = readAsItsType(block.type, readAs);
  if (parsed.filter((l) => l.item.key).length < MIN_KEYED_LINES) return null;

  const parents = findComponents(parsed);
  const convention = detectSignConvention(parsed);
  const lines = signLines(parsed, parents, type, convention);
  keyUnlabelledSubtotals(lines);
  for (const line of lines) {
    for (const [period, value] of Object.entries(line.item.values)) {
      line.signed[period] = value === null ? null : signedValue(line, value, type, convention);
    }
  }
  findSubtotalsByArithmetic(lines, rounding, type);
  resolveKeysByArithmetic(lines, rounding);
  keyTotalsByArithmetic(lines, rounding);
  if (type === "income_statement") signTaxByArithmetic(lines, rounding);
  const { canonical, canonicalConfidence } = aggregateCanonical(lines);
  const statement: Statement = {
    type,
    currency,
    unit,
    periods: layout.periods,
    items: lines.map((l) => l.item),
    canonical,
    canonicalConfidence,
    checks: [],
    pages: [...new Set(block.rows.map((r) => r.page))],
    language: doc.language,
    title: block.title,
  };
  nameEntity(statement, block);
  if (texts.some(mentionsRestatement)) statement.restated = true;
  const identities = evaluateIdentities(statement, identitiesFor(type), rounding);
  const lineChecks = [
    ...(type === "balance_sheet"
      ? [...sectionSumChecks(lines, rounding), ...grandTotalChecks(lines, rounding)]
      : incomeChainChecks(lines, rounding, (line, value, nature) =>
          signedValue(line, value, type, convention, nature),
        )),
    ...equalsChecks(lines, rounding),
    ...outlineChecks(lines, rounding),
  ];
  statement.checks = applyChecks(statement, lines, identities, lineChecks);
  capInferredPeriods(statement, layout.inferredPeriods);
  const lowConfidence = doubtfulValueCount(statement) > 0;
  statement.flagged = statement.checks.some((c) => !c.ok) || lowConfidence || layout.warnings.length > 0;
  return {
    statement,
    lines,
    statementDate: findStatementDate(context),
    unitStated: statedUnit !== undefined,
  };
}
