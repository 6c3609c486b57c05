import type { CanonicalKey, StatementType } from "../../../../pipeline/types";
import type { Random } from "../random";
import type { StatementRows } from "../statement-rows";
import type { StatementSpec } from "../statement-spec";

export interface PeriodColumn {
  /** ISO date of the period end. */
  end: string;
  year: number;
  current: boolean;
}

/** A statement ready to lay out: rows plus the words around them. */
export interface StatementTemplate {
  type: StatementType;
  rows: StatementRows;
  /** Lines above the table: company, statement name, date. */
  title: string[];
  unitLine: string;
  /** Header lines above one value column. */
  columnHeader: (period: PeriodColumn) => string[];
  /** Header spanning all value columns, printed above them (US: "June 30,"). */
  spanningHeader?: string;
  codeHeader?: string;
  noteHeader?: string;
  continued: string;
}

export interface TemplateContext {
  spec: StatementSpec;
  rng: Random;
  /** Next note reference for the notes column, or undefined when the style has none. */
  note: () => string | undefined;
}

export type TemplateBuilder = (ctx: TemplateContext, type: StatementType) => StatementTemplate;

export function noteCounter(rng: Random, enabled: boolean): () => string | undefined {
  let next = rng.int(3, 6);
  return () => {
    if (!enabled || rng.chance(0.2)) return undefined;
    const note = next;
    next += rng.chance(0.7) ? 1 : 2;
    return String(note);
  };
}

export const TURKISH_MONTHS: Record<string, string> = { "12": "Aralık", "06": "Haziran", "09": "Eylül" };
export const ENGLISH_MONTHS: Record<string, string> = { "12": "December", "06": "June", "09": "September" };

/** "31.12.2024" from "2024-12-31". */
export function dottedDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** The day after the prior year end, for "01.01.2024 - 31.12.2024". */
export function periodStart(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A first-level line with the next note reference: the IFRS and TFRS layouts number their notes. */
export function notedLine(rows: StatementRows, note: () => string | undefined) {
  return (
    label: string,
    concepts: Parameters<StatementRows["leaf"]>[1],
    key?: CanonicalKey,
    blankable = false,
  ) => rows.leaf(label, concepts, { level: 1, key, note: note(), blankable });
}
