import { type Document, documents } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import type { Services } from "./context";

/** Where a document stands in processing: what its events stream sends whenever it changes. */
export type DocumentProgress = Pick<
  Document,
  "status" | "stage" | "progress" | "errorCode" | "errorMessage" | "pages"
>;

/**
 * The document's progress as stored now, or undefined once it is deleted. The row is the source
 * of truth: the worker may run in another process. Ownership is checked once, when the stream
 * opens (ownedDocument), not on every poll.
 */
export async function documentProgress(
  services: Pick<Services, "db">,
  documentId: string,
): Promise<DocumentProgress | undefined> {
  const [row] = await services.db
    .select({
      status: documents.status,
      stage: documents.stage,
      progress: documents.progress,
      errorCode: documents.errorCode,
      errorMessage: documents.errorMessage,
      pages: documents.pages,
    })
    .from(documents)
    .where(eq(documents.id, documentId));
  return row;
}
