import { describe, expect, it } from "vitest";
import { AppError } from "../../src/app-error";
import { createOcrEngine } from "../../src/pipeline/pdf/ocr-engine";
import { openPdf } from "../../src/pipeline/pdf/open-pdf";
import { readPages } from "../../src/pipeline/pdf/read-pages";
import { encryptedWithQpdf, ownerPasswordOnly, zeroPagePdf } from "./bad-pdfs";
import { digitalStatementPdf, pdfkitDocument, tableLines } from "./statement-fixtures";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  // Client errors (422, or 413 for file_too_large as at upload), never worth a retry.
  expect([413, 422]).toContain(appError.status);
  expect(appError.retryable).toBe(false);
  return appError;
}

describe("openPdf: bad input becomes a user-readable AppError", () => {
  it("rejects bytes that are not a PDF", async () => {
    const error = await failure(
      openPdf(new TextEncoder().encode("Kasa;Bankalar\n100;200\n"), { maxPages: 50 }),
    );
    expect(error.code).toBe("not_a_pdf");
    expect(error.message).toMatch(/not a PDF/);
  });

  it("rejects a truncated PDF as corrupt", async () => {
    const whole = await digitalStatementPdf();
    const error = await failure(openPdf(whole.slice(0, 700), { maxPages: 50 }));
    expect(error.code).toBe("pdf_corrupt");
  });

  it("rejects a PDF header followed by garbage as corrupt", async () => {
    const bytes = new TextEncoder().encode(
      "%PDF-1.7\n\u00e2\u00e3\u00cf\u00d3\nthis is not an object\n%%EOF\n",
    );
    expect((await failure(openPdf(bytes, { maxPages: 50 }))).code).toBe("pdf_corrupt");
  });

  it("rejects a password-protected PDF (qpdf AES-256)", async () => {
    const error = await failure(openPdf(encryptedWithQpdf(await digitalStatementPdf()), { maxPages: 50 }));
    expect(error.code).toBe("pdf_encrypted");
    expect(error.message).toMatch(/password/);
  });

  it("rejects a password-protected PDF (pdfkit user password)", async () => {
    const { doc, done } = pdfkitDocument({
      userPassword: "gizli",
      ownerPassword: "sahip",
      pdfVersion: "1.7",
    });
    doc.text("Dönen Varlıklar 1.234.567,89");
    doc.end();
    expect((await failure(openPdf(await done, { maxPages: 50 }))).code).toBe("pdf_encrypted");
  });

  it("opens a PDF that only has an owner password (no password needed to read)", async () => {
    const pdf = await openPdf(ownerPasswordOnly(await digitalStatementPdf()), { maxPages: 50 });
    expect(pdf.pageCount).toBe(1);
    await pdf.close();
  });

  it("rejects a PDF with no pages", async () => {
    const error = await failure(openPdf(zeroPagePdf(), { maxPages: 50 }));
    expect(error.code).toBe("pdf_empty");
  });

  it("rejects more pages than the limit, saying what the limit is", async () => {
    const error = await failure(openPdf(await digitalStatementPdf(tableLines(), 3), { maxPages: 2 }));
    expect(error.code).toBe("too_many_pages");
    expect(error.details).toEqual({ pageCount: 3, maxPages: 2 });
    expect(error.message).toContain("at most 2 pages");
  });

  it("rejects a file over the byte limit before parsing it", async () => {
    const bytes = await digitalStatementPdf();
    const error = await failure(openPdf(bytes, { maxPages: 50, maxBytes: 1000 }));
    expect(error.code).toBe("file_too_large");
    expect(error.details).toMatchObject({ bytes: bytes.byteLength, maxBytes: 1000 });
  });

  it("accepts junk before the %PDF header, as viewers do", async () => {
    const bytes = await digitalStatementPdf();
    const prefixed = new Uint8Array([...new TextEncoder().encode("From mailer\r\n"), ...bytes]);
    const pdf = await openPdf(prefixed, { maxPages: 50 });
    expect(pdf.pageCount).toBe(1);
    await pdf.close();
  });

  it("leaves the caller's bytes usable after opening", async () => {
    const bytes = await digitalStatementPdf();
    const copy = bytes.slice();
    const pdf = await openPdf(bytes, { maxPages: 50 });
    await pdf.close();
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });
});

describe("readPages: page limits and ranges", () => {
  // No page here needs OCR; the engine is only handed over and never started.
  const ocr = createOcrEngine({ workers: 1 });

  it("applies the page limit to the requested range, not the whole document", async () => {
    const bytes = await digitalStatementPdf(tableLines(), 3);
    await expect(readPages(bytes, { maxPages: 2, ocr })).rejects.toMatchObject({ code: "too_many_pages" });
    const result = await readPages(bytes, { maxPages: 2, ocr, pages: { from: 2, to: 3 } });
    expect(result.pageCount).toBe(3);
    expect(result.pages.map((page) => page.page)).toEqual([2, 3]);
  });

  it("clamps a range past the end and rejects one that starts past it", async () => {
    const bytes = await digitalStatementPdf(tableLines(), 2);
    const result = await readPages(bytes, { maxPages: 50, ocr, pages: { from: 2, to: 9 } });
    expect(result.pages.map((page) => page.page)).toEqual([2]);
    await expect(readPages(bytes, { maxPages: 50, ocr, pages: { from: 3, to: 4 } })).rejects.toMatchObject({
      code: "page_range_invalid",
    });
  });

  it("reports progress once per page and stops when aborted", async () => {
    const bytes = await digitalStatementPdf(tableLines(), 3);
    const progress: Array<[number, number]> = [];
    await readPages(bytes, { maxPages: 50, ocr, onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const controller = new AbortController();
    controller.abort(new Error("user cancelled"));
    await expect(readPages(bytes, { maxPages: 50, ocr, signal: controller.signal })).rejects.toThrow(
      "user cancelled",
    );
  });
});
