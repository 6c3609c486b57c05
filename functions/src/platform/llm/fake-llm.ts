import type { LlmPort, StructuredAnswer, StructuredRequest } from "./port";

export type FakeResponder = (
  request: StructuredRequest,
  call: number,
) => StructuredAnswer | Promise<StructuredAnswer>;

export interface FakeLlm extends LlmPort {
  /** Every request received, in order. */
  readonly requests: StructuredRequest[];
}

/**
 * In-memory adapter for unit tests: answers with what the responder returns (or throws). A
 * responder that throws an `LlmError` plays a failing server.
 */
export function createFakeLlm(responder: FakeResponder): FakeLlm {
  const requests: StructuredRequest[] = [];
  return {
    name: "fake",
    requests,
    async completeStructured(request) {
      requests.push(request);
      request.signal?.throwIfAborted();
      return responder(request, requests.length);
    },
  };
}

/** A fake answer carrying `value` as its JSON text. */
export function fakeAnswer(
  value: unknown,
  usage = { inputTokens: 1000, outputTokens: 200 },
): StructuredAnswer {
  return { kind: "answer", text: JSON.stringify(value), usage, model: "fake-vision", finishReason: "stop" };
}
