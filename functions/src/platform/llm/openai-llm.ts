import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { ChatCompletionContentPart } from "openai/resources/chat/completions";
import {
  failureOfStatus,
  LlmError,
  type LlmPort,
  retryAfterFromHeaders,
  type StructuredAnswer,
  type StructuredRequest,
} from "./port";

export interface OpenAiLlmOptions {
  /** OPENAI_API_KEY. Optional for local OpenAI-compatible servers (vLLM, Ollama) that want none. */
  apiKey?: string;
  /** OPENAI_BASE_URL: Azure OpenAI, vLLM, Ollama ... ("http://127.0.0.1:11434/v1"). */
  baseURL?: string;
  /** Default time-out per request in milliseconds; a request's own `timeoutMs` wins. */
  timeoutMs?: number;
  /** Extra headers (Azure's `api-key`, a gateway's tenant header ...). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * The real adapter: Chat Completions with an image part and a strict JSON-schema response
 * format, which every OpenAI-compatible server implements. The SDK's own retries are off:
 * the vision reader retries with its own policy so that `retry-after` and the document's
 * time budget are honoured in one place.
 */
export function createOpenAiLlm(options: OpenAiLlmOptions): LlmPort {
  const client = new OpenAI({
    // The SDK insists on a key; servers without authentication ignore the header.
    apiKey: options.apiKey ?? "not-needed",
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 0,
    defaultHeaders: options.headers,
    fetch: options.fetch,
  });

  return {
    name: "openai",
    async completeStructured(request: StructuredRequest): Promise<StructuredAnswer> {
      const content: ChatCompletionContentPart[] = [
        { type: "text", text: request.prompt },
        ...request.images.map(
          (image): ChatCompletionContentPart => ({
            type: "image_url",
            image_url: {
              url: `data:${image.mimeType};base64,${Buffer.from(image.data).toString("base64")}`,
              detail: image.detail ?? "high",
            },
          }),
        ),
      ];
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model: request.model,
            messages: [
              { role: "system", content: request.system },
              { role: "user", content },
            ],
            response_format: zodResponseFormat(request.schema.zod, request.schema.name),
            ...(request.maxOutputTokens ? { max_completion_tokens: request.maxOutputTokens } : {}),
            ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          },
          {
            timeout: request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            signal: request.signal,
            maxRetries: 0,
          },
        );
      } catch (error) {
        throw toLlmError(error, request.signal);
      }
      const choice = completion.choices?.[0];
      const usage = {
        inputTokens: completion.usage?.prompt_tokens ?? 0,
        outputTokens: completion.usage?.completion_tokens ?? 0,
        cachedInputTokens: completion.usage?.prompt_tokens_details?.cached_tokens ?? undefined,
      };
      const model = completion.model ?? request.model;
      if (choice?.message?.refusal) return { kind: "refusal", refusal: choice.message.refusal, usage, model };
      if (choice?.finish_reason === "content_filter") {
        return {
          kind: "refusal",
          refusal: "The provider's content filter stopped the answer.",
          usage,
          model,
        };
      }
      return {
        kind: "answer",
        text: choice?.message?.content ?? "",
        usage,
        model,
        finishReason: choice?.finish_reason ?? undefined,
      };
    },
  };
}

function toLlmError(error: unknown, signal: AbortSignal | undefined): LlmError {
  if (error instanceof OpenAI.APIUserAbortError || signal?.aborted) {
    return new LlmError("aborted", "The request to the vision model was cancelled.", { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new LlmError("timeout", "The vision model did not answer in time.", { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new LlmError("network", `The vision model could not be reached: ${error.message}`, {
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    const headers = error.headers;
    return new LlmError(
      failureOfStatus(error.status),
      `The vision model answered HTTP ${error.status}: ${error.message}`,
      {
        status: error.status,
        retryAfterMs: headers ? retryAfterFromHeaders((name) => headers.get(name)) : undefined,
        cause: error,
      },
    );
  }
  return new LlmError(
    "network",
    `The vision model call failed: ${(error as Error)?.message ?? String(error)}`,
    {
      cause: error,
    },
  );
}
