"use client";

import { createContext, useContext } from "react";
import type { Company, DocumentDetail } from "../api/types";

export interface DocumentContextValue {
  document: DocumentDetail;
  company: Company | null;
  setDocument(document: DocumentDetail): void;
}

export const DocumentContext = createContext<DocumentContextValue | null>(null);

/** The document every tab of /documents/[id] works on, loaded once by the shell. */
export function useCurrentDocument(): DocumentContextValue {
  const value = useContext(DocumentContext);
  if (!value) throw new Error("useCurrentDocument outside DocumentShell");
  return value;
}
