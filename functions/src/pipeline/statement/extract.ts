import { AppError } from "../../app-error";
import { crossStatementChecks } from "../checks/cross-statement";
import { groupWordsIntoLines, lineText, type TextLine } from "../layout/lines";
import { detectNumberFormat } from "../parse/amount";
import { detectCurrency, detectUnit } from "../parse/statement-heading";
import { CURRENCY_NOT_STATED } from "../parse/unit-and-currency";
import type { PageWords, Statement } from "../types";
import { splitIntoStatements } from "./blocks";
import { type BuiltStatement, buildStatement, type DocumentContext } from "./build";
import { addEarlierPeriods } from "./earlier-periods";
import { borrowPeriods, repairMisreadYears } from "./period-repairs";

const TURKISH_LETTERS = /[ğüşıöçĞÜŞİÖÇ]/g;

/** Mean word confidence below which an OCR line is noise rather than print. */
const LEGIBLE_LINE = 0.6;

function isLegible(line: TextLine): boolean {
  const confidence = line.words.reduce((sum, w) => sum + w.confidence, 0) / Math.max(1, line.words.length);
  return confidence >= LEGIBLE_LINE;
}

/** Number format, unit, currency and language: decided once per document from all its pages. */
function documentContext(pages: PageWords[]): DocumentContext {
  const words = pages.flatMap((p) => p.words.map((w) => w.text));
  const format = detectNumberFormat(words.filter((w) => /\d/.test(w))).format;
  // A unit read off OCR garbage ("mn" on a page read sideways) would scale every amount.
  const texts = pages.flatMap((p) => groupWordsIntoLines(p.words).filter(isLegible).map(lineText));
  const unit = texts.map((t) => detectUnit(t)).find((u) => u !== null)?.unit;
  const currency = texts.map((t) => detectCurrency(t)).find((c) => c !== null)?.currency;
  const turkish = words.join(" ").match(TURKISH_LETTERS)?.length ?? 0;
  return { format, unit, currency, language: turkish >= 5 ? "tr" : "en" };
}

function sellsGoods(statement: Statement): boolean {
  const { canonical } = statement;
  return Boolean(canonical.revenue && (canonical.cost_of_sales || canonical.gross_profit));
}

/**
 * Words of every page → checked statements. A document with several statements of one type
 * (a balance sheet printed twice, or split by a page with another statement between) keeps the
 * first and reads the others into it only as continuation when the layout says so.
 */
export function extractStatements(pages: PageWords[]): { statements: Statement[]; warnings: string[] } {
  const warnings: string[] = [];
  const doc = documentContext(pages);
  const built = splitIntoStatements(pages)
    .map((block) => ({ block, built: buildStatement(block, doc) }))
    // A title read as other comprehensive income only ("Statements of Comprehensive Income")
    // heads the income statement itself in many filings (Philippine SEC ones among them): the
    // lines decide — sales and their cost make it the income statement.
    .filter(({ block, built }) => !block.skip || (built !== null && sellsGoods(built.statement)))
    .map(({ built }) => built)
    .filter((b): b is NonNullable<typeof b> => b !== null);
  // Misread years are repaired first, over every statement read: a filing's earlier set must
  // be dated right before its periods are merged.
  warnings.push(...repairMisreadYears(built));
  const kept: BuiltStatement[] = [];
  for (const b of built) {
    const same = kept.find((k) => k.statement.type === b.statement.type);
    if (same) {
      if (addEarlierPeriods(same.statement, b.statement))
        warnings.push(`earlier_${b.statement.type}_periods_added`);
      else warnings.push(`second_${b.statement.type}_ignored`);
      continue;
    }
    kept.push(b);
  }
  const statements = kept.map((k) => k.statement);
  if (statements.length === 0) {
    throw new AppError(
      "no_statement_found",
      "No balance sheet or income statement was found in this document. Check that the file contains the statements themselves and that scanned pages are legible.",
    );
  }
  warnings.push(...borrowPeriods(statements));
  if (statements.some((s) => s.currency === CURRENCY_NOT_STATED)) warnings.push("currency_not_stated");
  // Amounts in units of one unless a heading says thousands: said, so the reviewer checks it.
  if (kept.some((k) => !k.unitStated)) warnings.push("unit_not_stated");
  crossStatementChecks(statements);
  return { statements, warnings };
}
