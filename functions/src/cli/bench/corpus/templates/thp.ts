import type { StatementType } from "../../../../pipeline/types";
import {
  dottedDate,
  type PeriodColumn,
  periodStart,
  type StatementTemplate,
  type TemplateContext,
} from "./template";
import { thpBalanceSheet } from "./thp-balance-sheet";
import { thpIncomeStatement } from "./thp-income-statement";

/** Tekdüzen Hesap Planı statements: account codes, lettered groups, Roman-numeral sections. */
export function thpTemplate(ctx: TemplateContext, type: StatementType): StatementTemplate {
  const { spec } = ctx;
  const end = `${spec.fiscalYear}-${spec.yearEnd}`;
  const unitLine = { 1: "(TL)", 1000: "(Bin TL)", 1000000: "(Milyon TL)" }[spec.unit];
  const yearInParentheses = ctx.rng.chance(0.5);
  const columnHeader = (p: PeriodColumn) =>
    yearInParentheses
      ? [p.current ? "Cari Dönem" : "Önceki Dönem", `(${p.year})`]
      : [p.current ? "CARİ DÖNEM" : "ÖNCEKİ DÖNEM", dottedDate(p.end)];
  const base = { unitLine, columnHeader, codeHeader: spec.codeColumn ? "Hesap Kodu" : undefined };
  if (type === "balance_sheet") {
    return {
      ...base,
      type,
      rows: thpBalanceSheet(ctx),
      title: [spec.company, `${dottedDate(end)} TARİHLİ AYRINTILI BİLANÇO`],
      continued: "BİLANÇO (devamı)",
    };
  }
  return {
    ...base,
    type,
    rows: thpIncomeStatement(ctx),
    title: [spec.company, `${dottedDate(periodStart(end))} - ${dottedDate(end)} DÖNEMİNE AİT GELİR TABLOSU`],
    continued: "GELİR TABLOSU (devamı)",
  };
}
