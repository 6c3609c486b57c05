import type { Config } from "../config";
import type { LlmPort } from "./port";

export interface VisionSettings {
  llm?: LlmPort;
  mode: Config["VISION_MODE"];
  model: string;
}

/**
 * The vision model as configured: the OpenAI adapter when a key or a base URL is set and the
 * mode is not off; otherwise no model at all (everything runs on text layer and OCR).
 */
export function visionSettingsFromConfig(
  config: Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "VISION_MODEL" | "VISION_MODE">,
  options: { timeoutMs?: number } = {},
): VisionSettings {
  const configured = Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
  if (config.VISION_MODE === "off" || !configured) return { mode: "off", model: config.VISION_MODEL };
  // The SDK loads on the first request: a run that never asks the model never pays for it.
  let adapter: Promise<LlmPort> | undefined;
  const openAi = () => {
    adapter ??= import("./openai-llm").then(({ createOpenAiLlm }) =>
      createOpenAiLlm({
        apiKey: config.OPENAI_API_KEY,
        baseURL: config.OPENAI_BASE_URL,
        timeoutMs: options.timeoutMs,
      }),
    );
    return adapter;
  };
  return {
    llm: {
      name: "openai",
      completeStructured: async (request) => (await openAi()).completeStructured(request),
    },
    mode: config.VISION_MODE,
    model: config.VISION_MODEL,
  };
}
