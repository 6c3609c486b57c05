import type { Document } from "../../../drizzle/schema";

/** A document as the API shows it: everything but where its bytes are stored. */
export type DocumentView = Omit<Document, "storageKey" | "ownerId">;

export function documentView(row: Document): DocumentView {
  const { storageKey: _storageKey, ownerId: _ownerId, ...view } = row;
  return view;
}
