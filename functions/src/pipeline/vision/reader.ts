import { createHash } from "node:crypto";
import { isLlmError, type LlmFailure, type LlmPort, type TokenUsage } from "../../platform/llm/port";
import type { PageWords, Statement, VisionUsage } from "../types";
import { VISION_SCHEMA_NAME, type VisionAnswer, visionAnswerSchema } from "./answer-schema";
import { answerToStatements } from "./answer-to-statements";
import { type CallOutcome, callVisionModel, InvalidVisionAnswer, VisionRefusal } from "./call-model";
import { combineTileAnswers } from "./combine-tile-answers";
import { createLimiter } from "./concurrency";
import { costOf, imageTokensOf, type ModelProfile, profileOf } from "./model-profiles";
import { documentHints, type VisionHints } from "./page-hints";
import { type SizedImage, sizePageImage } from "./page-image";
import { cutPageTiles } from "./page-tiles";
import { VISION_SYSTEM_PROMPT, visionPrompt } from "./prompt";
import { attemptsOf, DEFAULT_RETRY_POLICY, type RetryHooks, type RetryPolicy } from "./retry";
import { selectVisionPages, type VisionMode } from "./select-pages";
import { statementRegion } from "./statement-region";
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
  /** Told of every page read (tokens, cost, tiles), e.g. for the bench's cost per page. */
  onPageRead?: (result: VisionPageResult, document?: string) => void;
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

  const result = (page: number, started: number, fields: Partial<VisionPageResult>): VisionPageResult => ({
    page,
    status: "skipped",
    statements: [],
    model: options.model,
    attempts: 0,
    usage: { inputTokens: 0, outputTokens: 0 },
    ms: Math.round(performance.now() - started),
    warnings: [],
    ...fields,
  });

  const state: ReaderState = { call: { options, profile, policy, timeoutMs }, limit, result };

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
    if (state.authFailure) return result(page, started, { status: "failed", error: state.authFailure });
    const read = await readTiles(state, llm, image, page, hints, started);
    options.onPageRead?.(read, hints.document);
    return read;
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

/** One reader's shared parts, and the credentials failure that stops its later calls. */
interface ReaderState {
  call: Omit<ModelCall, "llm">;
  limit: ReturnType<typeof createLimiter>;
  result: (page: number, started: number, fields: Partial<VisionPageResult>) => VisionPageResult;
  /** Bad credentials fail every page alike: after the first, stop paying for round trips. */
  authFailure?: { code: VisionErrorCode; message: string };
}

/** A page's tiles (or the whole page) to the model, and their answers as one page. */
async function readTiles(
  reader: ReaderState,
  llm: LlmPort,
  image: Uint8Array,
  page: number,
  hints: VisionHints,
  started: number,
): Promise<VisionPageResult> {
  const { limit, result } = reader;
  const call: ModelCall = { ...reader.call, llm };
  const { options, profile } = call;
  let images: Array<SizedImage & { index?: number }>;
  try {
    images = hints.region
      ? await cutPageTiles(image, hints.region.box, hints.region.pageWidth, profile.image)
      : [await sizePageImage(image, profile.image)];
  } catch (error) {
    const message = `Page ${page} could not be prepared for the vision model: ${(error as Error).message}`;
    return result(page, started, { status: "failed", error: { code: "VISION_BAD_IMAGE", message } });
  }
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  const pageSha = sha256(image);
  const estimates = images.map((i) => imageTokensOf(profile, i.width, i.height));
  const imageTokens = estimates.every((e) => e !== undefined)
    ? estimates.reduce<number>((sum, e) => sum + (e ?? 0), 0)
    : undefined;
  const ask = (sized: SizedImage & { index?: number }) =>
    limit(async () => {
      // A rejected key stops the page's other tiles too, not only the pages after it.
      if (reader.authFailure) throw new LlmAuthStop(reader.authFailure);
      try {
        return await askForTile(call, { page, hints, pageSha, sized, count: images.length }, usage);
      } catch (error) {
        if (isLlmError(error) && error.failure === "auth")
          reader.authFailure = describeFailure(error, page).error;
        throw error;
      }
    });
  let attempts = 0;
  try {
    // Every tile is asked even when one fails: a page is read whole or not at all, and a
    // tile already in flight is paid for either way.
    const settled = await Promise.allSettled(images.map(ask));
    const outcomes: CallOutcome[] = [];
    for (const s of settled) {
      if (s.status === "fulfilled") {
        outcomes.push(s.value);
        attempts += s.value.attempts;
      } else attempts += attemptsOf(s.reason);
    }
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
    return result(page, started, {
      ...pageOfTiles(outcomes, page, hints),
      model: outcomes[0]?.model ?? options.model,
      attempts,
      tiles: images.length,
      imageTokens,
      usage,
      costUsd: costOf(profile, usage),
    });
  } catch (error) {
    if (hints.signal?.aborted) throw hints.signal.reason;
    const failed =
      error instanceof LlmAuthStop
        ? { status: "failed" as const, error: error.failure }
        : describeFailure(error, page);
    if (failed.error.code === "VISION_AUTH") reader.authFailure = failed.error;
    return result(page, started, {
      ...failed,
      attempts: Math.max(attempts, attemptsOf(error)),
      tiles: images.length,
      imageTokens,
      usage,
      costUsd: costOf(profile, usage),
    });
  }
}

/** What every call of one reader shares. */
interface ModelCall {
  llm: LlmPort;
  options: VisionReaderOptions;
  profile: ModelProfile;
  policy: RetryPolicy;
  timeoutMs: number;
}

/** One tile (or the whole page) to the model, asking for the statements' JSON; tokens go into `usage`. */
function askForTile(
  call: ModelCall,
  request: {
    page: number;
    hints: VisionHints;
    pageSha: string;
    sized: SizedImage & { index?: number };
    count: number;
  },
  usage: TokenUsage,
): Promise<CallOutcome> {
  const { llm, options, profile, policy, timeoutMs } = call;
  const { page, hints, pageSha, sized, count } = request;
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
      subject: {
        document: hints.document,
        page,
        imageSha256: pageSha,
        ...(sized.index === undefined
          ? {}
          : { tile: { index: sized.index, count, imageSha256: sha256(sized.data) } }),
      },
    },
    { policy, timeoutMs, invalidAnswerRetries: options.invalidAnswerRetries ?? 1, hooks: options.retryHooks },
    usage,
    hints.signal,
  );
}

/** The tiles' answers as one page: statements, illegibility and the warnings of both steps. */
function pageOfTiles(
  outcomes: CallOutcome[],
  page: number,
  hints: VisionHints,
): Pick<VisionPageResult, "status" | "statements" | "illegible" | "warnings"> {
  const combined = combineTileAnswers(outcomes.map((o) => o.answer));
  const answer: VisionAnswer = combined.answer;
  const converted = answerToStatements(answer, { page, language: hints.language, format: hints.format });
  return {
    status: "ok",
    statements: converted.statements,
    illegible: answer.illegible || undefined,
    warnings: [
      ...combined.warnings,
      ...converted.warnings,
      ...(answer.illegible ? [`vision_illegible_page_${page}`] : []),
    ],
  };
}

/** The pages chosen for the model, each with its statement region, read at once (the limiter paces the calls). */
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
          region: { box: statementRegion(p, statements), pageWidth: p.width },
          document: docOptions.document,
          signal: docOptions.signal,
        });
      }),
  );
}

/** A tile not sent because another call of the run was refused its credentials. */
class LlmAuthStop extends Error {
  constructor(readonly failure: { code: VisionErrorCode; message: string }) {
    super(failure.message);
  }
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
