import type { FinancialStatement } from "@finstat/db/schema";
import type { Statement } from "../pipeline/types";
import { type StatementExtras, statementFromRow } from "./statement-records";

/** A stored statement as the API shows it: the pipeline's Statement plus its row's identity. */
export type StatementView = Statement & {
  id: string;
  documentId: string;
  companyId: string;
  periodEnd: string | null;
  confidence: number;
  updatedAt: Date;
};

export function statementView(row: FinancialStatement, extras?: StatementExtras): StatementView {
  return {
    id: row.id,
    documentId: row.documentId,
    companyId: row.companyId,
    periodEnd: row.periodEnd,
    confidence: row.confidence,
    updatedAt: row.updatedAt,
    ...statementFromRow(row, extras),
  };
}
