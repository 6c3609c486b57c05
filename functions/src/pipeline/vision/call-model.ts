import {
  isLlmError,
  LlmError,
  type LlmPort,
  type StructuredRequest,
  type TokenUsage,
} from "../../platform/llm/port";
import { type AnswerProblem, readVisionAnswer, type VisionAnswer } from "./answer-schema";
import { type RetryDecision, type RetryHooks, type RetryPolicy, withRetries } from "./retry";

/** The model declined to answer: retrying the same page would only pay for the same refusal. */
export class VisionRefusal extends Error {
  constructor(readonly refusal: string) {
    super(`The vision model refused to read the page: ${refusal}`);
    this.name = "VisionRefusal";
  }
}

/** The model answered, but not with JSON that follows the schema. */
export class InvalidVisionAnswer extends Error {
  constructor(readonly problem: AnswerProblem) {
    super(`The vision model's answer was unusable: ${problem.message}`);
    this.name = "InvalidVisionAnswer";
  }
}

export interface CallSettings {
  policy: RetryPolicy;
  timeoutMs: number;
  /** Extra calls allowed for a malformed or schema-violating answer (they cost tokens). */
  invalidAnswerRetries: number;
  hooks?: Omit<RetryHooks, "signal">;
}

export interface CallOutcome {
  answer: VisionAnswer;
  attempts: number;
  model: string;
}

/**
 * One page through the model: time-out per call, retries for what a retry can fix, every
 * answer's tokens added to `usage` (a rejected answer was still paid for). Throws LlmError,
 * VisionRefusal or InvalidVisionAnswer when it gives up, and the caller's abort reason when
 * the document was cancelled.
 */
export async function callVisionModel(
  llm: LlmPort,
  request: Omit<StructuredRequest, "signal" | "timeoutMs">,
  settings: CallSettings,
  usage: TokenUsage,
  signal?: AbortSignal,
): Promise<CallOutcome> {
  let invalidAnswers = 0;
  let model = request.model;
  const once = async (): Promise<VisionAnswer> => {
    const answer = await withTimeout(
      (callSignal) =>
        llm.completeStructured({ ...request, signal: callSignal, timeoutMs: settings.timeoutMs }),
      settings.timeoutMs,
      signal,
    );
    usage.inputTokens += answer.usage.inputTokens;
    usage.outputTokens += answer.usage.outputTokens;
    if (answer.usage.cachedInputTokens)
      usage.cachedInputTokens = (usage.cachedInputTokens ?? 0) + answer.usage.cachedInputTokens;
    model = answer.model || model;
    if (answer.kind === "refusal") throw new VisionRefusal(answer.refusal);
    const read = readVisionAnswer(answer.text, answer.finishReason);
    if ("problem" in read) throw new InvalidVisionAnswer(read.problem);
    return read.answer;
  };
  const classify = (error: unknown): RetryDecision => {
    if (signal?.aborted) return { retry: false };
    if (isLlmError(error))
      return error.retryable ? { retry: true, retryAfterMs: error.retryAfterMs } : { retry: false };
    if (error instanceof InvalidVisionAnswer) {
      invalidAnswers += 1;
      return invalidAnswers <= settings.invalidAnswerRetries ? { retry: true } : { retry: false };
    }
    return { retry: false };
  };
  const { value, attempts } = await withRetries(once, classify, settings.policy, {
    ...settings.hooks,
    signal,
  });
  return { answer: value, attempts, model };
}

/**
 * Enforced here as well as in the adapter: an adapter that ignores its signal (or a server
 * that accepts the connection and never answers) still cannot hold a page past its time-out,
 * nor a cancelled document past its cancellation.
 */
async function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  outer?: AbortSignal,
): Promise<T> {
  outer?.throwIfAborted();
  const controller = new AbortController();
  let cancel: (reason: unknown) => void = () => {};
  const cancelled = new Promise<never>((_, reject) => {
    cancel = reject;
  });
  const onAbort = () => {
    controller.abort(outer?.reason);
    cancel(outer?.reason);
  };
  outer?.addEventListener("abort", onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new LlmError(
        "timeout",
        `The vision model did not answer within ${Math.round(ms / 100) / 10} s.`,
      );
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout, cancelled]);
  } catch (error) {
    if (outer?.aborted) throw outer.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onAbort);
  }
}
