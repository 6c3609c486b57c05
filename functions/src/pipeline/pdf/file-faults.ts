/**
 * Failures that lie in the file's bytes: sending the same file through the pipeline again can
 * only fail the same way, so neither the API nor the web offers a retry for them (the user
 * uploads a repaired file instead). Kept free of imports: the web reads it too.
 */
export const FILE_FAULTS: readonly string[] = [
  "NOT_A_PDF",
  "PDF_CORRUPT",
  "PDF_ENCRYPTED",
  "PDF_EMPTY",
  "FILE_TOO_LARGE",
  // The stored file is not the one checked at upload: reading it again reads the same bytes.
  "FILE_CHANGED",
];

export function retryCanHelp(errorCode: string | null): boolean {
  return errorCode === null || !FILE_FAULTS.includes(errorCode);
}
