/**
 * Failures that lie in the file's bytes: sending the same file through the pipeline again can
 * only fail the same way, so neither the API nor the web offers a retry for them (the user
 * uploads a repaired file instead). Only a type import: the web reads it too.
 */
import type { ErrorCode } from "../../error-codes";

export const FILE_FAULTS: readonly ErrorCode[] = [
  "not_a_pdf",
  "pdf_corrupt",
  "pdf_encrypted",
  "pdf_empty",
  "file_too_large",
  // The stored file is not the one checked at upload: reading it again reads the same bytes.
  "file_changed",
];

export function retryCanHelp(errorCode: string | null): boolean {
  return errorCode === null || !(FILE_FAULTS as readonly string[]).includes(errorCode);
}
