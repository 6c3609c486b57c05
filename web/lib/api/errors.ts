import type { ErrorCode } from "@finstat/functions/error-codes";

/** Codes the web makes up itself, for failures the API has no code for. */
export type WebErrorCode = "registration_sign_in_failed";

/** The API's one error shape, `{ error: { code, message, requestId, details } }`, as a throwable. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId?: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: string,
    status: number,
    message: string,
    requestId?: string,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.requestId = requestId;
    this.details = details;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; requestId?: string; details?: Record<string, unknown> };
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // A proxy's HTML error page or an empty body: the status alone has to do.
  }
  const error = body.error ?? {};
  return new ApiError(
    error.code ?? `http_${response.status}`,
    response.status,
    error.message ?? response.statusText ?? `HTTP ${response.status}`,
    error.requestId,
    error.details,
  );
}

/** Typed by the code union, so asking for a code the API never sends does not compile. */
export function isApiError(error: unknown, code?: ErrorCode | WebErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
