export { createFakeLlm, type FakeLlm, type FakeResponder, fakeAnswer } from "./fake-llm";
export { type VisionSettings, visionSettingsFromConfig } from "./from-config";
// The OpenAI adapter is not re-exported: its SDK loads on the first request (from-config.ts).
export type { OpenAiLlmOptions } from "./openai-llm";
export {
  failureOfStatus,
  isLlmError,
  LlmError,
  type LlmFailure,
  type LlmImage,
  type LlmPort,
  retryAfterFromHeaders,
  type StructuredAnswer,
  type StructuredRequest,
  type TokenUsage,
} from "./port";
export { loadRecordings, saveRecording } from "./recording-files";
