import { ERROR_CODES, type ErrorCode } from "./error-codes";

/**
 * The one error type whose code and message a user may see. Anything else that escapes is an
 * internal error: logged, never shown. The status the API answers with and `retryable` (may
 * the queue deliver the job again, or does the document fail for good) come from the code's
 * entry in ERROR_CODES, so one code always means the same thing wherever it is thrown.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.retryable = ERROR_CODES[code].retryable;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
