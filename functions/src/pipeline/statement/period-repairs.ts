import type { Period, Statement } from "../types";

const UNDATED = /^period_\d+$/;
/** Periods repaired from elsewhere in the document are a reading, not a print: below high confidence. */
const REPAIRED_PERIOD_CONFIDENCE = 0.85;

function renameValues<T>(byPeriod: Record<string, T>, rename: Map<string, string>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(byPeriod).map(([period, value]) => [rename.get(period) ?? period, value]),
  );
}

function capped(confidence: Record<string, number>, periods: Set<string>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(confidence).map(([period, c]) => [
      period,
      periods.has(period) ? Math.min(c, REPAIRED_PERIOD_CONFIDENCE) : c,
    ]),
  );
}

/**
 * Gives a statement new periods (same columns, other dates) and carries every value, box,
 * confidence and check over; the repaired periods' values drop below high confidence, their
 * lines are flagged with `flag` and the statement is flagged for review.
 */
function replacePeriods(statement: Statement, periods: Period[], flag: string): void {
  const rename = new Map(statement.periods.map((p, i) => [p.id, periods[i]?.id ?? p.id]));
  const repaired = new Set(
    statement.periods.filter((p, i) => periods[i]?.id !== p.id).map((p) => rename.get(p.id) as string),
  );
  statement.periods = periods.map((p) => ({ ...p }));
  for (const item of statement.items) {
    item.values = renameValues(item.values, rename);
    if (item.valueBoxes) item.valueBoxes = renameValues(item.valueBoxes, rename);
    if (item.valueConfidence) {
      item.valueConfidence = capped(renameValues(item.valueConfidence, rename), repaired);
      item.confidence = Math.min(item.confidence, ...Object.values(item.valueConfidence));
    }
    if (item.candidates)
      item.candidates = item.candidates.map((c) => ({ ...c, period: rename.get(c.period) ?? c.period }));
    item.flags = [...new Set([...(item.flags ?? []), flag])];
  }
  for (const key of Object.keys(statement.canonical) as Array<keyof Statement["canonical"]>) {
    statement.canonical[key] = renameValues(statement.canonical[key] ?? {}, rename);
    if (statement.canonicalConfidence) {
      statement.canonicalConfidence[key] = capped(
        renameValues(statement.canonicalConfidence[key] ?? {}, rename),
        repaired,
      );
    }
  }
  statement.checks = statement.checks.map((c) => ({ ...c, period: rename.get(c.period) ?? c.period }));
  statement.flagged = true;
}

/**
 * A scan can lose one statement's period header while the other statement of the same document
 * kept its own (same company, same year ends, same number of columns). The undated columns then
 * take those periods, in order.
 */
export function borrowPeriods(statements: Statement[]): string[] {
  const warnings: string[] = [];
  for (const statement of statements) {
    if (!statement.periods.every((p) => UNDATED.test(p.id))) continue;
    const donor = statements.find(
      (s) =>
        s !== statement && s.periods.length === statement.periods.length && s.periods.every((p) => p.end),
    );
    if (!donor) continue;
    replacePeriods(statement, donor.periods, "period_from_other_statement");
    warnings.push(`${statement.type}_periods_from_other_statement`);
  }
  return warnings;
}

/** "2026" and "2020": one digit apart, the kind of year OCR misreads. */
function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

/**
 * A year misread in a column header ("31.12.2026" for 31.12.2020) leaves a period no other
 * print in the document supports. When the statement's own title is dated one digit away, on
 * the same day, and another statement of the document has that date as a period too, the
 * header was misread: the period takes the date that two prints agree on.
 */
export function repairMisreadYears(
  statements: Array<{ statement: Statement; statementDate?: string }>,
): string[] {
  const warnings: string[] = [];
  for (const { statement, statementDate } of statements) {
    if (!statementDate || statement.periods.some((p) => p.end === statementDate)) continue;
    const others = statements.filter((s) => s.statement !== statement);
    const printedElsewhere = (date: string) =>
      others.some((o) => o.statementDate === date || o.statement.periods.some((p) => p.end === date));
    if (!others.some((o) => o.statement.periods.some((p) => p.end === statementDate))) continue;
    const periods = statement.periods.map((p) =>
      p.end &&
      !printedElsewhere(p.end) &&
      p.end.slice(4) === statementDate.slice(4) &&
      oneDigitApart(p.end.slice(0, 4), statementDate.slice(0, 4))
        ? {
            ...p,
            id: statementDate,
            end: statementDate,
            start: p.start && `${statementDate.slice(0, 4)}${p.start.slice(4)}`,
          }
        : p,
    );
    if (periods.every((p, i) => p.id === statement.periods[i]?.id)) continue;
    replacePeriods(statement, periods, "period_year_from_title");
    warnings.push(`${statement.type}_period_year_from_title`);
  }
  warnings.push(...repairYearsFromSiblings(statements.map((s) => s.statement)));
  return warnings;
}

const yearOf = (end: string) => Number(end.slice(0, 4));

/**
 * Without a dated title: a column year that sits apart from the statement's other columns
 * ("2027" beside "2020", an OCR misread of 2021) while another statement of the document
 * prints a period one digit away that does follow on, on the same day, is that period.
 */
function repairYearsFromSiblings(statements: Statement[]): string[] {
  const warnings: string[] = [];
  for (const statement of statements) {
    const ends = statement.periods.map((p) => p.end).filter((e): e is string => Boolean(e));
    if (ends.length < 2) continue;
    const follows = (end: string, self: string) =>
      ends.some((e) => e !== self && Math.abs(yearOf(e) - yearOf(end)) === 1);
    const elsewhere = statements
      .filter((s) => s !== statement)
      .flatMap((s) => s.periods.map((p) => p.end))
      .filter((e): e is string => Boolean(e));
    const periods = statement.periods.map((p) => {
      if (!p.end || follows(p.end, p.end) || elsewhere.includes(p.end)) return p;
      const end = p.end;
      const sibling = elsewhere.find(
        (e) =>
          e.slice(4) === end.slice(4) && oneDigitApart(e.slice(0, 4), end.slice(0, 4)) && follows(e, end),
      );
      return sibling
        ? { ...p, id: sibling, end: sibling, start: p.start && `${sibling.slice(0, 4)}${p.start.slice(4)}` }
        : p;
    });
    if (periods.every((p, i) => p.id === statement.periods[i]?.id)) continue;
    replacePeriods(statement, periods, "period_year_from_sibling");
    warnings.push(`${statement.type}_period_year_from_sibling`);
  }
  return warnings;
}

/** Values of periods the layout inferred rather than read: below high confidence, flagged. */
export function capInferredPeriods(statement: Statement, inferred: string[]): void {
  if (inferred.length === 0) return;
  const periods = new Set(inferred);
  for (const item of statement.items) {
    if (!item.valueConfidence || !inferred.some((p) => item.values[p] != null)) continue;
    item.valueConfidence = capped(item.valueConfidence, periods);
    item.confidence = Math.min(item.confidence, ...Object.values(item.valueConfidence));
    item.flags = [...new Set([...(item.flags ?? []), "period_inferred"])];
  }
  for (const key of Object.keys(statement.canonicalConfidence ?? {}) as Array<keyof Statement["canonical"]>) {
    const confidence = statement.canonicalConfidence?.[key];
    if (confidence && statement.canonicalConfidence)
      statement.canonicalConfidence[key] = capped(confidence, periods);
  }
  statement.flagged = true;
}
