import type { ZodType } from "zod";

/**
 * The port to a vision-capable language model. The pipeline asks for one structured answer
 * (an instruction, page images and a schema) and gets back the raw text of the answer, or a
 * refusal, with the tokens it cost. Validating the answer is the caller's job: an adapter
 * never claims the model's JSON is right.
 */
export interface LlmPort {
  /** For logs and the output's `vision` block: "openai", "fake", "replay" ... */
  readonly name: string;
  completeStructured(request: StructuredRequest): Promise<StructuredAnswer>;
}

export interface LlmImage {
  mimeType: "image/png" | "image/jpeg";
  data: Uint8Array;
  /** OpenAI's `detail`: tables need "high". */
  detail?: "low" | "high" | "auto";
}

export interface StructuredRequest {
  model: string;
  system: string;
  prompt: string;
  images: LlmImage[];
  /** The answer's schema: adapters send it as the structured-output format (strict JSON schema). */
  schema: { name: string; zod: ZodType };
  maxOutputTokens?: number;
  /** Omitted for models that reject it (reasoning models). */
  temperature?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** What the request is about (document and page), for recorders and replays; never sent. */
  subject?: {
    document?: string;
    page?: number;
    imageSha256?: string;
    /** One tile of the page: which of how many, and the SHA-256 of the image sent. */
    tile?: { index: number; count: number; imageSha256: string };
  };
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the provider's prompt cache (cheaper), when reported. */
  cachedInputTokens?: number;
}

export type StructuredAnswer =
  | { kind: "answer"; text: string; usage: TokenUsage; model: string; finishReason?: string }
  | { kind: "refusal"; refusal: string; usage: TokenUsage; model: string };

/** Why a call failed, in terms the retry policy can act on. */
export type LlmFailure =
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "network"
  | "auth"
  | "bad_request"
  | "aborted";

const RETRYABLE = new Set<LlmFailure>(["rate_limited", "server_error", "timeout", "network"]);

/** A failed call to the model. Adapters translate their SDK's errors into this one type. */
export class LlmError extends Error {
  readonly failure: LlmFailure;
  readonly status?: number;
  /** The server's `retry-after` / `retry-after-ms`, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;

  constructor(
    failure: LlmFailure,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "LlmError";
    this.failure = failure;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.failure);
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}

/** The failure an HTTP status stands for. */
export function failureOfStatus(status: number): LlmFailure {
  if (status === 429) return "rate_limited";
  if (status === 401 || status === 403) return "auth";
  if (status === 408) return "timeout";
  if (status >= 500) return "server_error";
  return "bad_request";
}

/**
 * `retry-after-ms` (OpenAI), `retry-after` in seconds or as an HTTP date (RFC 9110), in
 * milliseconds from `now`; undefined when absent or unreadable.
 */
export function retryAfterFromHeaders(
  get: (name: string) => string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = Number.parseFloat(get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
