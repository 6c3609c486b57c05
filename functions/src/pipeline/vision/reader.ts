import { createHash } from "node:crypto";
import { isLlmError, type LlmFailure, type LlmPort, type TokenUsage } from "../../platform/llm/port";
import type { NumberFormat } from "../parse/amount";
import type { PageWords, Statement, VisionUsage } from "../types";
import { VISION_SCHEMA_NAME, visionAnswerSchema } from "./answer-schema";
import { answerToStatements } from "./answer-to-statements";
import { callVisionModel, InvalidVisionAnswer, VisionRefusal } from "./call-model";
import { createLimiter } from "./concurrency";
import { costOf, type ModelProfile, profileOf } from "./model-profiles";
import { documentHints } from "./page-hints";
import { sizePageImage } from "./page-image";
import { type PromptHints, VISION_SYSTEM_PROMPT, visionPrompt } from "./prompt";
import { attemptsOf, DEFAULT_RETRY_POLICY, type RetryHooks, type RetryPolicy } from "./retry";
import { selectVisionPages, type VisionMode } from "./select-pages";
import type { VisionErrorCode, VisionPageResult } from "./types";

export interface VisionReaderOptions {
  /** No port = vision off, whatever the mode says. */
  llm?: LlmPort;
  mode: VisionMode;
  model: string;
  /** Model calls in flight at once (default 4). */
  concurrency?: number;
  /** Per call, in milliseconds (default 90 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Extra calls for a malformed or schema-violating answer (default 1). */
  invalidAnswerRetries?: number;
  maxOutputTokens?: number;
  /** Price and image limits per model, over the built-in table. */
  profiles?: Record<string, Partial<ModelProfile>>;
  /** Mean OCR confidence under which fallback mode reads a page (default 0.75). */
  fallbackConfidence?: number;
  /** For tests: a clock-free sleep and a fixed jitter. */
  retryHooks?: Pick<RetryHooks, "sleep" | "random" | "onRetry">;
}

export interface VisionHints extends PromptHints {
  /** The document's name, for recorders and replays. */
  document?: string;
  format?: NumberFormat;
  signal?: AbortSignal;
}

export interface VisionDocumentResult {
  pages: VisionPageResult[];
  /** The output's `vision` block. */
  summary: VisionUsage;
  usage: TokenUsage;
  warnings: string[];
}

export interface VisionReader {
  readonly mode: VisionMode;
  readonly model: string;
  readPage(image: Uint8Array, page: number, hints?: VisionHints): Promise<VisionPageResult>;
  pagesToRead(pages: PageWords[], statements: Statement[]): number[];
  readDocument(
    pages: PageWords[],
    statements: Statement[],
    options?: { document?: string; signal?: AbortSignal },
  ): Promise<VisionDocumentResult>;
}

const CODE_OF_FAILURE: Record<LlmFailure, VisionErrorCode> = {
  rate_limited: "VISION_RATE_LIMITED",
  server_error: "VISION_SERVER_ERROR",
  timeout: "VISION_TIMEOUT",
  network: "VISION_NETWORK",
  auth: "VISION_AUTH",
  bad_request: "VISION_BAD_REQUEST",
  aborted: "VISION_NETWORK",
};

/**
 * The vision reader: page images → statement candidates, with a time-out per call, retries,
 * a concurrency limit and the tokens and cost counted. A page the model cannot read comes back
 * with a status and a reason, never as an exception: the document then rests on text layer
 * and OCR alone. Only a cancelled document throws.
 */
export function createVisionReader(options: VisionReaderOptions): VisionReader {
  const llm = options.mode === "off" ? undefined : options.llm;
  const mode: VisionMode = llm ? options.mode : "off";
  const profile = profileOf(options.model, options.profiles);
  const limit = createLimiter(options.concurrency ?? 4);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 90_000;
  // Bad credentials fail every page alike: after the first, stop paying for round trips.
  let authFailure: { code: VisionErrorCode; message: string } | undefined;

  const result = (page: number, started: number, fields: Partial<VisionPageResult>) =>
    pageResult(options.model, page, started, fields);

  async function readPage(
    image: Uint8Array,
    page: number,
    hints: VisionHints = {},
  ): Promise<VisionPageResult> {
    const started = performance.now();
    if (!llm)
      return result(page, started, {
        error: { code: "VISION_OFF", message: "No vision model is configured." },
      });
    if (authFailure) return result(page, started, { status: "failed", error: authFailure });
    let sized: Awaited<ReturnType<typeof sizePageImage>>;
    try {
      sized = await sizePageImage(image, profile.image);
    } catch (error) {
      const message = `Page ${page} could not be prepared for the vision model: ${(error as Error).message}`;
      return result(page, started, { status: "failed", error: { code: "VISION_BAD_IMAGE", message } });
    }
    const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    try {
      const outcome = await limit(() =>
        askVisionModel({ llm, options, profile, policy, timeoutMs }, { image, sized, page, hints }, usage),
      );
      const converted = answerToStatements(outcome.answer, {
        page,
        language: hints.language,
        format: hints.format,
      });
      return result(page, started, {
        status: "ok",
        statements: converted.statements,
        illegible: outcome.answer.illegible || undefined,
        model: outcome.model,
        attempts: outcome.attempts,
        usage,
        costUsd: costOf(profile, usage),
        warnings: [
          ...converted.warnings,
          ...(outcome.answer.illegible ? [`vision_illegible_page_${page}`] : []),
        ],
      });
    } catch (error) {
      if (hints.signal?.aborted) throw hints.signal.reason;
      const failed = describeFailure(error, page);
      if (failed.error.code === "VISION_AUTH") authFailure = failed.error;
      return result(page, started, {
        ...failed,
        attempts: attemptsOf(error),
        usage,
        costUsd: costOf(profile, usage),
      });
    }
  }

  return {
    mode,
    model: options.model,
    readPage,
    pagesToRead: (pages, statements) =>
      selectVisionPages(mode, pages, statements, options.fallbackConfidence),
    async readDocument(pages, statements, docOptions = {}) {
      const wanted = new Set(selectVisionPages(mode, pages, statements, options.fallbackConfidence));
      const results = await readWantedPages(pages, statements, wanted, docOptions, readPage, result);
      return summarise(mode, options.model, profile, results);
    },
  };
}

function pageResult(
  model: string,
  page: number,
  started: number,
  fields: Partial<VisionPageResult>,
): VisionPageResult {
  return {
    page,
    status: "skipped",
    statements: [],
    model,
    attempts: 0,
    usage: { inputTokens: 0, outputTokens: 0 },
    ms: Math.round(performance.now() - started),
    warnings: [],
    ...fields,
  };
}

/** What every call of one reader shares. */
interface ModelCall {
  llm: LlmPort;
  options: VisionReaderOptions;
  profile: ModelProfile;
  policy: RetryPolicy;
  timeoutMs: number;
}

/** One page image to the model, asking for the statements' JSON; tokens are counted into `usage`. */
function askVisionModel(
  call: ModelCall,
  request: {
    image: Uint8Array;
    sized: Awaited<ReturnType<typeof sizePageImage>>;
    page: number;
    hints: VisionHints;
  },
  usage: TokenUsage,
) {
  const { llm, options, profile, policy, timeoutMs } = call;
  const { image, sized, page, hints } = request;
  return callVisionModel(
    llm,
    {
      model: options.model,
      system: VISION_SYSTEM_PROMPT,
      prompt: visionPrompt(page, hints),
      images: [{ data: sized.data, mimeType: sized.mimeType, detail: "high" }],
      schema: { name: VISION_SCHEMA_NAME, zod: visionAnswerSchema },
      maxOutputTokens: options.maxOutputTokens ?? 8192,
      temperature: profile.temperature ? 0 : undefined,
      subject: { document: hints.document, page, imageSha256: sha256(image) },
    },
    {
      policy,
      timeoutMs,
      invalidAnswerRetries: options.invalidAnswerRetries ?? 1,
      hooks: options.retryHooks,
    },
    usage,
    hints.signal,
  );
}

/** The pages chosen for the model, read at once (the reader's limiter paces the calls). */
function readWantedPages(
  pages: PageWords[],
  statements: Statement[],
  wanted: Set<number>,
  docOptions: { document?: string; signal?: AbortSignal },
  readPage: VisionReader["readPage"],
  result: (page: number, started: number, fields: Partial<VisionPageResult>) => VisionPageResult,
): Promise<VisionPageResult[]> {
  const hintsFor = documentHints(pages, statements);
  return Promise.all(
    pages
      .filter((p) => wanted.has(p.page))
      .map((p) => {
        if (!p.image) {
          const error = {
            code: "VISION_NO_IMAGE" as const,
            message: `Page ${p.page} has no rendered image to send.`,
          };
          return Promise.resolve(result(p.page, performance.now(), { status: "failed", error }));
        }
        return readPage(p.image.png, p.page, {
          ...hintsFor(p.page),
          document: docOptions.document,
          signal: docOptions.signal,
        });
      }),
  );
}

function describeFailure(
  error: unknown,
  page: number,
): { status: VisionPageResult["status"]; error: NonNullable<VisionPageResult["error"]> } {
  const suffix = `Page ${page} is read from the text layer and OCR only.`;
  if (error instanceof VisionRefusal) {
    return { status: "refused", error: { code: "VISION_REFUSED", message: `${error.message} ${suffix}` } };
  }
  if (error instanceof InvalidVisionAnswer) {
    return {
      status: "invalid_answer",
      error: { code: "VISION_INVALID_ANSWER", message: `${error.message}. ${suffix}` },
    };
  }
  if (isLlmError(error)) {
    return {
      status: "failed",
      error: { code: CODE_OF_FAILURE[error.failure], message: `${error.message} ${suffix}` },
    };
  }
  return {
    status: "failed",
    error: {
      code: "VISION_NETWORK",
      message: `The vision model call failed: ${(error as Error)?.message}. ${suffix}`,
    },
  };
}

function summarise(
  mode: VisionMode,
  model: string,
  profile: ModelProfile,
  pages: VisionPageResult[],
): VisionDocumentResult {
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  for (const p of pages) {
    usage.inputTokens += p.usage.inputTokens;
    usage.outputTokens += p.usage.outputTokens;
    usage.cachedInputTokens = (usage.cachedInputTokens ?? 0) + (p.usage.cachedInputTokens ?? 0);
  }
  const warnings = pages.flatMap((p) => [
    ...p.warnings,
    ...(p.error && p.error.code !== "VISION_OFF"
      ? [`vision_page_${p.page}_${p.error.code.toLowerCase()}`]
      : []),
  ]);
  const costUsd = costOf(profile, usage);
  const tokens = usage.inputTokens + usage.outputTokens;
  if (costUsd === undefined && tokens > 0) warnings.push("vision_price_unknown");
  const summary: VisionDocumentResult["summary"] =
    mode === "off"
      ? { mode }
      : {
          mode,
          model,
          pages: pages.filter((p) => p.status === "ok").length,
          tokens,
          ...(costUsd === undefined ? {} : { costUsd }),
        };
  return { pages, summary, usage, warnings };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
