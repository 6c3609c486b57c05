import { createHash } from "node:crypto";
import { AppError } from "../app-error";
import type { Storage } from "../platform/storage";
import type { Logger } from "./logger";

/** Where each kind of file lives in storage: one place, so deletion finds them all. */
export const storageKeys = {
  /** Where the client uploads the PDF (the key its upload URL grants). */
  source: (documentId: string) => `documents/${documentId}/source.pdf`,
  /**
   * The PDF as completeUpload checked it (size, magic, sha256), and the one key processing reads.
   * No upload URL names it, so an upload URL that is still valid (S3's cannot be revoked) cannot
   * replace what was checked.
   */
  checkedSource: (documentId: string) => `documents/${documentId}/checked.pdf`,
  page: (documentId: string, page: number) => `documents/${documentId}/pages/${page}.png`,
  export: (exportId: string, format: "xlsx" | "pdf") => `exports/${exportId}.${format}`,
};

/**
 * Every key a document may own: the PDF as uploaded and as checked (a late PUT to a still valid
 * upload URL may write the former after completion; deleting a missing key is no error), and
 * one image per page.
 */
export function documentFileKeys(document: {
  id: string;
  storageKey: string;
  pages: number | null;
}): string[] {
  const pages = Array.from({ length: document.pages ?? 0 }, (_, i) => storageKeys.page(document.id, i + 1));
  const sources = [
    document.storageKey,
    storageKeys.source(document.id),
    storageKeys.checkedSource(document.id),
  ];
  return [...new Set(sources), ...pages];
}

const SOURCE_KEY =
  /^documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/source\.pdf$/i;

/** The document whose upload key this is, or undefined for any other key. */
export function documentOfUploadKey(key: string): string | undefined {
  return key.match(SOURCE_KEY)?.[1];
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

/**
 * The worker's check of what it read against the sha256 completeUpload verified: bytes that
 * changed in storage since (a tampered object, a stale key) are refused, never processed.
 */
export function assertCheckedBytes(bytes: Uint8Array, sha256: string): void {
  if (createHash("sha256").update(bytes).digest("hex") === sha256) return;
  throw new AppError(
    "file_changed",
    "The stored file does not match the file that was uploaded and checked (its SHA-256 differs), so it was not read. Please upload the file again.",
  );
}
