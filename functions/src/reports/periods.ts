import type { Statement } from "../pipeline/types";
import { formatDate } from "./format";
import type { ReportLanguage } from "./options";

export interface ReportPeriod {
  /** The period end when known (what ratios and comparisons are keyed by), else the printed id. */
  id: string;
  /** The balance sheet's label when there is one ("31.12.2024"), else the first printed label. */
  label: string;
  end?: string;
}

/** Every period of the document, latest first, as Turkish and English statements print them. */
export function reportPeriods(statements: Statement[]): ReportPeriod[] {
  const byId = new Map<string, ReportPeriod>();
  const ordered = [...statements].sort((a, b) =>
    a.type === b.type ? 0 : a.type === "balance_sheet" ? -1 : 1,
  );
  for (const statement of ordered) {
    for (const period of statement.periods) {
      const id = period.end ?? period.id;
      if (!byId.has(id)) byId.set(id, { id, label: period.label, end: period.end });
    }
  }
  // Dated periods latest first; undated ones ("Cari Dönem") keep the order they were printed in.
  const dated = (id: string) => /^\d{4}-\d{2}-\d{2}$/.test(id);
  return [...byId.values()].sort((a, b) => (dated(a.id) && dated(b.id) ? b.id.localeCompare(a.id) : 0));
}

/** The statement's own id for a report period (statements key their values by it). */
export function statementPeriodId(statement: Statement, periodId: string): string | undefined {
  return statement.periods.find((period) => (period.end ?? period.id) === periodId || period.id === periodId)
    ?.id;
}

/** The period just before `periodId` among the document's periods, which avg() pairs it with. */
export function priorPeriod(periods: ReportPeriod[], periodId: string): ReportPeriod | undefined {
  const index = periods.findIndex((period) => period.id === periodId);
  return index >= 0 ? periods[index + 1] : undefined;
}

/** The period title used in report headings: the period end date in the reader's format. */
export function periodTitle(period: ReportPeriod, language: ReportLanguage): string {
  return period.end ? formatDate(period.end, language) : period.label;
}
