import { groupWordsIntoLines, lineText } from "../layout/lines";
import { splitRow } from "../layout/rows";
import { detectOtherStatement, detectStatementType } from "../parse/statement-heading";
import { foldForMatching } from "../parse/turkish-text";
import type { StatementType, Word } from "../types";

/** What a quick read of one page says: its text lines, top to bottom, and how many amounts. */
export interface PageSurvey {
  page: number;
  lines: string[];
  amounts: number;
}

export interface StatementPageChoice {
  /** 1-based page numbers to read in full, ascending. */
  pages: number[];
  warnings: string[];
}

/** Lines at the top of a page where its title is printed (running header, company, title, date). */
const HEADING_LINES = 14;
/** A statement's face has at least this many amounts; a contents page or a cover has fewer. */
const MIN_AMOUNTS = 8;
/** An untitled page after a statement may close it with a few lines ("Shareholders' funds"). */
const MIN_CONTINUATION_AMOUNTS = 2;
/** A statement runs on over at most this many untitled pages (assets, then liabilities). */
const MAX_CONTINUATIONS = 2;

/** Cells that are amounts, not a year heading or a note number. */
const AMOUNT_CELL = /\d[.,'’\s]?\d{3}|\d{4}/;
const YEAR = /^\(?(?:19|20)\d{2}\)?$/;
const SEPARATE =
  /\b(?:konsolide olmayan|solo|bireysel|separate|standalone|stand alone|company only|parent company)\b/;
const CONSOLIDATED = /\b(?:konsolide|consolidated|group)\b/;
/** A notes page's running header ("... Finansal Tablolara İlişkin Dipnotlar", "Notes to the ..."). */
const NOTES_HEADER = /\bdipnot(?:lar|lari)?\b|\bnotes to (?:the )?|\baciklayici notlar\b/;

interface PageKind {
  page: number;
  type?: StatementType;
  other: boolean;
  amounts: number;
  scope?: "consolidated" | "separate";
}

/** A page's words as the survey reads them: its lines, and the amounts the row splitter finds. */
export function surveyPage(page: number, words: Word[]): PageSurvey {
  const lines = groupWordsIntoLines(words);
  const amounts = lines.reduce(
    (n, line) =>
      n + splitRow(line).cells.filter((c) => AMOUNT_CELL.test(c.text) && !YEAR.test(c.text)).length,
    0,
  );
  return { page, lines: lines.map(lineText), amounts };
}

function classify(survey: PageSurvey): PageKind {
  const top = survey.lines.slice(0, HEADING_LINES);
  const kind: PageKind = { page: survey.page, other: false, amounts: survey.amounts };
  for (const line of top) {
    const heading = detectStatementType(line);
    if (heading && heading.confidence >= 0.75) {
      kind.type = heading.type;
      break;
    }
    if (detectOtherStatement(line) || NOTES_HEADER.test(foldForMatching(line))) {
      kind.other = true;
      break;
    }
  }
  const folded = foldForMatching(top.join(" "));
  if (SEPARATE.test(folded)) kind.scope = "separate";
  else if (CONSOLIDATED.test(folded)) kind.scope = "consolidated";
  return kind;
}

/**
 * The pages of a report that hold the balance sheet and the income statement: a page whose
 * heading names one of them and that carries figures, and the untitled pages with figures that
 * follow it. `lenient` (a short document) also keeps untitled pages with figures before any
 * title: a statement with a title nobody foresaw is still read. When a report prints
 * consolidated and separate (solo) statements, the consolidated ones are read. Empty when no
 * page qualifies: the caller decides.
 */
export function chooseStatementPages(
  surveys: PageSurvey[],
  options: { lenient?: boolean } = {},
): StatementPageChoice {
  // Chosen pages and whether each holds consolidated or separate statements.
  const chosen = new Map<number, PageKind["scope"]>();
  // What the pages since the last heading continue: a statement, another statement, or nothing yet.
  let current: { scope?: PageKind["scope"]; run: number } | "other" | undefined;
  for (const kind of surveys.map(classify)) {
    if (kind.other) current = "other";
    else if (kind.type) current = { scope: kind.scope, run: 0 };
    if (current === "other") continue;
    const continues = !kind.type && current !== undefined && chosen.has(kind.page - 1);
    if (kind.amounts < (continues ? MIN_CONTINUATION_AMOUNTS : MIN_AMOUNTS)) continue;
    if (current === undefined) {
      if (!options.lenient) continue;
      current = { run: 0 };
    } else if (!kind.type) {
      current.run += 1;
      if (!options.lenient && current.run > MAX_CONTINUATIONS) continue;
    }
    chosen.set(kind.page, kind.scope ?? current.scope);
  }
  const scopes = [...chosen.values()];
  const warnings: string[] = [];
  if (scopes.includes("consolidated") && scopes.includes("separate")) {
    for (const [page, scope] of chosen) if (scope === "separate") chosen.delete(page);
    warnings.push("separate_statements_ignored");
  }
  return { pages: [...chosen.keys()].sort((a, b) => a - b), warnings };
}
