import { AppError } from "../../app-error";
import type { ErrorCode } from "../../error-codes";

/**
 * The user-visible failures of reading a PDF. All are permanent (ERROR_CODES: not retryable):
 * sending the same bytes again cannot succeed, so the worker marks the document failed.
 */
function permanent(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
  cause?: unknown,
): AppError {
  return new AppError(code, message, details, { cause });
}

export const pdfErrors = {
  notAPdf: () => permanent("not_a_pdf", "This file is not a PDF. Please upload the statement as a PDF file."),
  corrupt: (cause?: unknown) =>
    permanent(
      "pdf_corrupt",
      "This PDF is damaged and cannot be read. Please export or scan it again and re-upload it.",
      undefined,
      cause,
    ),
  encrypted: () =>
    permanent(
      "pdf_encrypted",
      "This PDF is password-protected. Please remove the password (print or save it without protection) and upload it again.",
    ),
  empty: () => permanent("pdf_empty", "This PDF has no pages."),
  tooManyPages: (pageCount: number, maxPages: number) =>
    permanent(
      "too_many_pages",
      `This PDF has ${pageCount} pages; at most ${maxPages} pages can be read at once. Please upload only the pages with the financial statements.`,
      { pageCount, maxPages },
    ),
  noStatementPages: (pageCount: number) =>
    permanent(
      "no_statement_pages",
      `No page of this ${pageCount}-page PDF is titled as a balance sheet or an income statement with figures on it. Please upload the statement pages themselves.`,
      { pageCount },
    ),
  tooLarge: (bytes: number, maxBytes: number) =>
    permanent(
      "file_too_large",
      `This file is ${formatMegabytes(bytes)}; the limit is ${formatMegabytes(maxBytes)}. Please upload a smaller file, for example only the statement pages.`,
      { bytes, maxBytes },
    ),
  timeout: (what: string, ms: number) =>
    permanent(
      "pdf_timeout",
      `Reading this PDF took too long (${what}, over ${Math.round(ms / 1000)} s). It may be damaged or unusually complex.`,
      { stage: what, ms },
    ),
  renderTimeout: (page: number, ms: number) =>
    permanent(
      "page_render_timeout",
      `Page ${page} took too long to render (over ${Math.round(ms / 1000)} s).`,
      {
        page,
        ms,
      },
    ),
  pageOutOfRange: (from: number, to: number, pageCount: number) =>
    permanent("page_range_invalid", `Pages ${from}-${to} do not exist: this PDF has ${pageCount} pages.`, {
      from,
      to,
      pageCount,
    }),
};

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
