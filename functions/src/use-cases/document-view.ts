import { type Document, financialStatements } from "@finstat/db/schema";
import { inArray } from "drizzle-orm";
import type { ReviewSummary } from "../pipeline/checks/review";
import type { Services } from "./context";

/** What is left for a person on a processed document; null while it is not processed. */
export type DocumentReview = ReviewSummary & {
  /** Processed, not yet marked reviewed, and a statement is flagged: the list's "needs review". */
  needsReview: boolean;
};

/** A document as the API shows it: everything but where its bytes are stored. */
export type DocumentView = Omit<Document, "storageKey" | "ownerId" | "organisationId"> & {
  review: DocumentReview | null;
};

export function documentView(row: Document, review: DocumentReview | null = null): DocumentView {
  const { storageKey: _storageKey, ownerId: _ownerId, organisationId: _organisationId, ...view } = row;
  return { ...view, review };
}

/** The documents with what each still needs from a reviewer, read in one query for all of them. */
export async function documentViews(
  services: Pick<Services, "db">,
  rows: Document[],
): Promise<DocumentView[]> {
  const done = rows.filter((row) => row.status === "done").map((row) => row.id);
  const statements =
    done.length === 0
      ? []
      : await services.db
          .select({
            documentId: financialStatements.documentId,
            flagged: financialStatements.flagged,
            review: financialStatements.review,
          })
          .from(financialStatements)
          .where(inArray(financialStatements.documentId, done));
  return rows.map((row) => {
    if (row.status !== "done") return documentView(row);
    const own = statements.filter((statement) => statement.documentId === row.id);
    // The same rule as the list's `attention=needs_review` filter (listDocuments).
    const needsReview = row.reviewedAt === null && own.some((statement) => statement.flagged);
    const counts = { flaggedValues: 0, failedChecks: 0, uncheckedChecks: 0 };
    for (const { review } of own) {
      counts.flaggedValues += review?.flaggedValues ?? 0;
      counts.failedChecks += review?.failedChecks ?? 0;
      counts.uncheckedChecks += review?.uncheckedChecks ?? 0;
    }
    return documentView(row, { ...counts, needsReview });
  });
}

export async function documentViewOf(services: Pick<Services, "db">, row: Document): Promise<DocumentView> {
  const [view] = await documentViews(services, [row]);
  return view!;
}
