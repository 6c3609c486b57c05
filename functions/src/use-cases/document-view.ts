import { type Document, financialStatements, users } from "@finstat/db/schema";
import { inArray } from "drizzle-orm";
import type { ReviewSummary } from "../pipeline/checks/review";
import type { Action } from "./access-policy";
import type { Executor, Services } from "./context";

/** What is left for a person on a processed document; null while it is not processed. */
export type DocumentReview = ReviewSummary & {
  /** Processed, not yet marked reviewed, and a statement is flagged: the list's "needs review". */
  needsReview: boolean;
};

/** A colleague as the screens name them. */
export interface Person {
  id: string;
  fullName: string;
}

/** A document as the API shows it: everything but where its bytes are stored. */
export type DocumentView = Omit<Document, "storageKey" | "ownerId" | "organisationId"> & {
  review: DocumentReview | null;
  /** The colleague asked to review it. */
  assignedTo: Person | null;
  /** Who signed the review off (with reviewedAt). */
  reviewedBy: Person | null;
};

/** One document opened on its own: what the caller may do there, and whom they could assign it to. */
export type DocumentDetail = DocumentView & {
  permissions: Action[];
  /** The members who could review it; empty unless the caller may assign it. */
  assignees: Person[];
};

export function documentView(
  row: Document,
  review: DocumentReview | null,
  people: ReadonlyMap<string, Person>,
): DocumentView {
  const { storageKey: _storageKey, ownerId: _ownerId, organisationId: _organisationId, ...view } = row;
  return {
    ...view,
    review,
    assignedTo: (row.assignedToId && people.get(row.assignedToId)) || null,
    reviewedBy: (row.reviewedById && people.get(row.reviewedById)) || null,
  };
}

/** The names of the given users, read at once. */
export async function peopleById(db: Executor, ids: Iterable<string | null>): Promise<Map<string, Person>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The documents with what each still needs from a reviewer, read in one query for all of them. */
export async function documentViews(
  services: Pick<Services, "db">,
  rows: Document[],
): Promise<DocumentView[]> {
  const done = rows.filter((row) => row.status === "done").map((row) => row.id);
  const [statements, people] = await Promise.all([
    done.length === 0
      ? []
      : services.db
          .select({
            documentId: financialStatements.documentId,
            flagged: financialStatements.flagged,
            review: financialStatements.review,
          })
          .from(financialStatements)
          .where(inArray(financialStatements.documentId, done)),
    peopleById(
      services.db,
      rows.flatMap((row) => [row.assignedToId, row.reviewedById]),
    ),
  ]);
  return rows.map((row) => {
    if (row.status !== "done") return documentView(row, null, people);
    const own = statements.filter((statement) => statement.documentId === row.id);
    // The same rule as the list's `attention=needs_review` filter (listDocuments).
    const needsReview = row.reviewedAt === null && own.some((statement) => statement.flagged);
    const counts = { flaggedValues: 0, failedChecks: 0, uncheckedChecks: 0 };
    for (const { review } of own) {
      counts.flaggedValues += review?.flaggedValues ?? 0;
      counts.failedChecks += review?.failedChecks ?? 0;
      counts.uncheckedChecks += review?.uncheckedChecks ?? 0;
    }
    return documentView(row, { ...counts, needsReview }, people);
  });
}

export async function documentViewOf(services: Pick<Services, "db">, row: Document): Promise<DocumentView> {
  const [view] = await documentViews(services, [row]);
  return view!;
}
