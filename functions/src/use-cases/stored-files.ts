import type { Storage } from "../platform/storage";
import type { Logger } from "./logger";

/** Where each kind of file lives in storage: one place, so deletion finds them all. */
export const storageKeys = {
  source: (documentId: string) => `documents/${documentId}/source.pdf`,
  page: (documentId: string, page: number) => `documents/${documentId}/pages/${page}.png`,
  export: (exportId: string, format: "xlsx" | "pdf") => `exports/${exportId}.${format}`,
};

/** Every key a document may own: its PDF and one image per page. */
export function documentFileKeys(document: {
  id: string;
  storageKey: string;
  pages: number | null;
}): string[] {
  const pages = Array.from({ length: document.pages ?? 0 }, (_, i) => storageKeys.page(document.id, i + 1));
  return [document.storageKey, ...pages];
}

/**
 * Rows are deleted first (the user's intent is recorded), files after; a file that fails to
 * delete is logged and left for a sweep rather than resurrecting the row.
 */
export async function deleteStoredFiles(storage: Storage, logger: Logger, keys: string[]): Promise<number> {
  let failed = 0;
  const queue = [...new Set(keys)];
  const workers = Array.from({ length: Math.min(8, queue.length) }, async () => {
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      try {
        await storage.delete(key);
      } catch (error) {
        failed += 1;
        logger.warn({ key, err: error }, "stored file could not be deleted");
      }
    }
  });
  await Promise.all(workers);
  return failed;
}
