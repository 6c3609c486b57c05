/** Messages between the embedded server and its pipeline threads, and errors across them. */
import { AppError, isAppError } from "../app-error";
import type { ErrorCode } from "../error-codes";
import type { DocumentExtraction, ExtractOptions } from "../pipeline/extract-document";

export interface ThreadData {
  ocrWorkers: number;
}

/** What crosses to a thread: the options that are data (OCR, vision and signal live there). */
export type ThreadOptions = Omit<ExtractOptions, "ocr" | "vision" | "signal" | "onProgress">;

export type ToThread =
  | { type: "extract"; id: number; input: { bytes: Uint8Array; fileName: string }; options: ThreadOptions }
  | { type: "abort"; id: number }
  | { type: "close" };

export type FromThread =
  | { type: "progress"; id: number; progress: { stage: string; page?: number; pages?: number } }
  | { type: "done"; id: number; output: DocumentExtraction }
  | { type: "failed"; id: number; error: SerializedError };

export interface SerializedError {
  message: string;
  app?: { code: ErrorCode; details?: Record<string, unknown> };
}

export function serializeError(error: unknown): SerializedError {
  if (isAppError(error)) {
    const { code, details } = error;
    return { message: error.message, app: { code, ...(details ? { details } : {}) } };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The error as the pipeline threw it: an AppError keeps its code (and so its status and retryability). */
export function deserializeError(error: SerializedError): Error {
  if (!error.app) return new Error(error.message);
  return new AppError(error.app.code, error.message, error.app.details);
}

/** Page images move to the main thread instead of being copied. */
export function transferablesOf(output: DocumentExtraction): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const page of output.pageWords) {
    const bytes = page.image?.png;
    if (
      bytes &&
      bytes.buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength
    )
      buffers.add(bytes.buffer);
  }
  return [...buffers];
}
