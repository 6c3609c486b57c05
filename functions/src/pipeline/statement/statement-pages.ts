import { detectOtherStatement, detectStatementType } from "../parse/statement-heading";
import { foldForMatching } from "../parse/turkish-text";
import type { StatementType } from "../types";

/** What a quick read of one page says: its text lines, top to bottom. */
export interface PageSurvey {
  page: number;
  lines: string[];
  /** Amounts on the page as the row splitter reads them; counted from `lines` when absent. */
  amounts?: number;
}

export interface StatementPageChoice {
  /** 1-based page numbers to read in full, ascending. */
  pages: number[];
  /** The statement each chosen page holds (a continuation page takes its statement's type). */
  types: Record<number, StatementType | undefined>;
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

const AMOUNT = /^[(-]?\d{1,3}(?:[.,\s'’]\d{3})+(?:[.,]\d{1,2})?\)?$|^[(-]?\d{4,}(?:[.,]\d{1,2})?\)?$/;
const CURRENCY_SIGN = /^[(-]?(?:[£$€₺₱₹¥]|GH¢|Rs\.?|[PR](?=\d))\s?/u;
const YEAR_ONLY = /^(?:19|20)\d{2}$/;
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

function countAmounts(lines: string[]): number {
  let n = 0;
  for (const line of lines) {
    for (const token of line.split(/\s{2,}|\t|(?<=\d)\s+(?=[(-]?\d{1,3}(?:[.,]\d{3}))/)) {
      const t = token.trim().replace(CURRENCY_SIGN, "");
      if (AMOUNT.test(t) && !YEAR_ONLY.test(t)) n += 1;
    }
  }
  return n;
}

function classify(survey: PageSurvey): PageKind {
  const top = survey.lines.slice(0, HEADING_LINES);
  const kind: PageKind = {
    page: survey.page,
    other: false,
    amounts: survey.amounts ?? countAmounts(survey.lines),
  };
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
  const types: Record<number, StatementType | undefined> = {};
  const scopes = new Map<number, PageKind["scope"]>();
  // What the pages since the last heading continue: a statement, another statement, or nothing yet.
  let current: { type?: StatementType; scope?: PageKind["scope"]; run: number } | "other" | undefined;
  for (const kind of surveys.map(classify)) {
    if (kind.other) current = "other";
    else if (kind.type) current = { type: kind.type, scope: kind.scope, run: 0 };
    if (current === "other") continue;
    const continues = !kind.type && current !== undefined && types[kind.page - 1] !== undefined;
    if (kind.amounts < (continues ? MIN_CONTINUATION_AMOUNTS : MIN_AMOUNTS)) continue;
    if (current === undefined) {
      if (!options.lenient) continue;
      current = { run: 0 };
    } else if (!kind.type) {
      current.run += 1;
      if (!options.lenient && current.run > MAX_CONTINUATIONS) continue;
    }
    types[kind.page] = current.type;
    scopes.set(kind.page, kind.scope ?? current.scope);
  }
  const warnings: string[] = [];
  const chosen = Object.keys(types).map(Number);
  const consolidated = chosen.filter((p) => scopes.get(p) === "consolidated");
  const separate = chosen.filter((p) => scopes.get(p) === "separate");
  if (consolidated.length > 0 && separate.length > 0) {
    for (const page of separate) delete types[page];
    warnings.push("separate_statements_ignored");
  }
  return {
    pages: Object.keys(types)
      .map(Number)
      .sort((a, b) => a - b),
    types,
    warnings,
  };
}
