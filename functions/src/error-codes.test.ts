import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { ERROR_CODES, type ErrorCode, isErrorCode } from "./error-codes";
import { FILE_FAULTS } from "./pipeline/pdf/file-faults";
import { pdfErrors } from "./pipeline/pdf/pdf-errors";

const root = join(import.meta.dirname, "..", "..");

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.includes("node_modules") && !file.startsWith(".next"))
    .map((file) => join(root, folder, file));
}

const sources = [
  ...sourceFiles("functions/src"),
  ...sourceFiles("web/lib"),
  ...sourceFiles("web/components"),
];

describe("the error catalogue", () => {
  it("derives an AppError's status and retryability from its code", () => {
    const timeout = new AppError("ocr_timeout", "slow", { timeoutMs: 1 });
    expect([timeout.status, timeout.retryable, timeout.details]).toEqual([422, false, { timeoutMs: 1 }]);
    const unavailable = new AppError("ocr_unavailable", "down", undefined, { cause: new Error("spawn") });
    expect([unavailable.status, unavailable.retryable]).toEqual([503, true]);
    expect(unavailable.cause).toBeInstanceOf(Error);
  });

  it("holds every code the code base throws or names, each in snake_case", () => {
    // The compiler checks typed call sites; this also catches a code hidden behind a cast.
    const thrown = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/new (?:AppError|ApiError)\(\s*"([^"]+)"/g)) thrown.add(match[1]!);
      for (const match of text.matchAll(/isApiError\([^,()]+,\s*"([^"]+)"/g)) thrown.add(match[1]!);
    }
    expect(thrown.size).toBeGreaterThan(40);
    // Made up by the web for what never reached the API, or came back without a code.
    const webOnly = new Set([
      "network_error",
      "upload_aborted",
      "upload_failed",
      "registration_sign_in_failed",
    ]);
    expect([...thrown].filter((code) => !isErrorCode(code) && !webOnly.has(code))).toEqual([]);
    expect(Object.keys(ERROR_CODES).filter((code) => !/^[a-z]+(_[a-z]+)*$/.test(code))).toEqual([]);
  });

  it("leaves no code in its old upper-case spelling in the sources", () => {
    const upper = new Set(Object.keys(ERROR_CODES).map((code) => code.toUpperCase()));
    const found: string[] = [];
    for (const file of sources) {
      for (const match of readFileSync(file, "utf8").matchAll(/["'`]([A-Z][A-Z_]+)["'`]/g)) {
        if (upper.has(match[1]!)) found.push(`${file}: ${match[1]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("is never handed a status or retryability at a throw site, where the catalogue gives both", () => {
    // The old signature took { status, retryable } third; that object would now pass as details.
    const handed: string[] = [];
    for (const file of [...sources, ...sourceFiles("functions/test")]) {
      for (const match of readFileSync(file, "utf8").matchAll(/new AppError\(((?:[^()]|\([^()]*\))*)\)/g)) {
        if (/\bstatus:\s*\d{3}\b|\bretryable:/.test(match[1]!)) handed.push(`${file}: ${match[0]}`);
      }
    }
    expect(handed).toEqual([]);
  });

  it("answers with an error status, and only failures of the server's own are retryable", () => {
    for (const [code, { status, retryable }] of Object.entries(ERROR_CODES)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      if (retryable) expect(status, code).toBeGreaterThanOrEqual(500);
    }
  });

  it("never offers a retry for a fault in the file's bytes", () => {
    for (const code of FILE_FAULTS) expect(ERROR_CODES[code].retryable, code).toBe(false);
    const failures = [
      pdfErrors.notAPdf(),
      pdfErrors.corrupt(),
      pdfErrors.encrypted(),
      pdfErrors.empty(),
      pdfErrors.tooManyPages(300, 200),
      pdfErrors.noStatementPages(12),
      pdfErrors.tooLarge(3, 2),
      pdfErrors.timeout("open", 1000),
      pdfErrors.renderTimeout(1, 1000),
      pdfErrors.pageOutOfRange(3, 4, 2),
    ];
    expect(failures.filter((error) => error.retryable).map((error) => error.code)).toEqual([]);
    expect(new Set(failures.map((error) => error.code)).size).toBe(failures.length);
  });

  it("tells a code from any other string", () => {
    const code: ErrorCode = "not_a_pdf";
    expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode(code.toUpperCase())).toBe(false);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(null)).toBe(false);
  });
});
