import type { TokenUsage } from "../../platform/llm/port";

/**
 * Everything model-specific in one table: price per million tokens (USD), how the model
 * sizes images (sending more pixels than it looks at only costs upload time), how it bills
 * them, and whether it takes a temperature. Prices are OpenAI's published list prices
 * (https://openai.com/api/pricing, standard tier, as of 2025); deployments on other prices
 * (Azure, a self-hosted server at zero) pass their own table to the reader. Image sizing and
 * billing follow https://platform.openai.com/docs/guides/images-vision#calculating-costs:
 * tile models fit a 2048 px box, scale the short side to 768 px and bill 512 px tiles; patch
 * models bill 32 px patches (at most 1536) times a per-model multiplier.
 */
export interface ModelProfile {
  /** USD per 1M input tokens, cached input tokens and output tokens. */
  price?: { input: number; cachedInput?: number; output: number };
  image: ImageLimits;
  /** How an image is billed in input tokens, when published. */
  imageTokens?: { kind: "tiles"; base: number; perTile: number } | { kind: "patches"; multiplier: number };
  /** Reasoning models reject `temperature`. */
  temperature: boolean;
}

export interface ImageLimits {
  /** Longest side in pixels after scaling. */
  maxLongSide: number;
  /** Shortest side in pixels (tile-based "high" detail scales the short side to 768). */
  maxShortSide?: number;
  /** Pixel budget (patch-based models: 1536 patches of 32×32). */
  maxPixels?: number;
  /** Upload limit per image. */
  maxBytes: number;
}

const MIB = 1024 * 1024;
const TILED: ImageLimits = { maxLongSide: 2048, maxShortSide: 768, maxBytes: 20 * MIB };
const PATCHED: ImageLimits = { maxLongSide: 2048, maxPixels: 1536 * 32 * 32, maxBytes: 20 * MIB };
/** Unknown OpenAI-compatible servers (vLLM, Ollama with Qwen-VL, LLaVA ...): a generous page. */
const GENERIC: ImageLimits = { maxLongSide: 2048, maxPixels: 4_000_000, maxBytes: 20 * MIB };

const TILES_4O = { kind: "tiles", base: 85, perTile: 170 } as const;

export const MODEL_PROFILES: Record<string, ModelProfile> = {
  "gpt-4.1": {
    price: { input: 2, cachedInput: 0.5, output: 8 },
    image: TILED,
    imageTokens: TILES_4O,
    temperature: true,
  },
  "gpt-4.1-mini": {
    price: { input: 0.4, cachedInput: 0.1, output: 1.6 },
    image: PATCHED,
    imageTokens: { kind: "patches", multiplier: 1.62 },
    temperature: true,
  },
  "gpt-4.1-nano": {
    price: { input: 0.1, cachedInput: 0.025, output: 0.4 },
    image: PATCHED,
    imageTokens: { kind: "patches", multiplier: 2.46 },
    temperature: true,
  },
  "gpt-4o": {
    price: { input: 2.5, cachedInput: 1.25, output: 10 },
    image: TILED,
    imageTokens: TILES_4O,
    temperature: true,
  },
  "gpt-4o-mini": {
    price: { input: 0.15, cachedInput: 0.075, output: 0.6 },
    image: TILED,
    imageTokens: { kind: "tiles", base: 2833, perTile: 5667 },
    temperature: true,
  },
  "gpt-5": { price: { input: 1.25, cachedInput: 0.125, output: 10 }, image: PATCHED, temperature: false },
  "gpt-5-mini": { price: { input: 0.25, cachedInput: 0.025, output: 2 }, image: PATCHED, temperature: false },
  "o4-mini": {
    price: { input: 1.1, cachedInput: 0.275, output: 4.4 },
    image: PATCHED,
    imageTokens: { kind: "patches", multiplier: 1.72 },
    temperature: false,
  },
};

/**
 * The profile for a model name: exact, then by dated snapshot ("gpt-4.1-2025-04-14" is
 * "gpt-4.1"), else a generic profile with no price (cost then stays unknown, never invented).
 */
export function profileOf(
  model: string,
  overrides: Record<string, Partial<ModelProfile>> = {},
): ModelProfile {
  const base = MODEL_PROFILES[model] ?? MODEL_PROFILES[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
  const generic: ModelProfile = { image: GENERIC, temperature: !/^(o\d|gpt-5)/.test(model) };
  return { ...(base ?? generic), ...overrides[model] };
}

/** USD for one call, or undefined when the model's price is not known. */
export function costOf(profile: ModelProfile, usage: TokenUsage): number | undefined {
  const price = profile.price;
  if (!price) return undefined;
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const cost =
    ((usage.inputTokens - cached) * price.input +
      cached * (price.cachedInput ?? price.input) +
      usage.outputTokens * price.output) /
    1_000_000;
  return Math.round(cost * 1e6) / 1e6;
}

/**
 * Input tokens the provider bills for one image of this size, by its published rule, or
 * undefined when the model's rule is not known. An estimate for planning and for replays of
 * synthetic answers; a live run's cost comes from the usage the API reports.
 */
export function imageTokensOf(profile: ModelProfile, width: number, height: number): number | undefined {
  const rule = profile.imageTokens;
  if (!rule) return undefined;
  if (rule.kind === "tiles") {
    const fit = Math.min(1, 2048 / Math.max(width, height));
    // Only a larger short side is brought down to 768 px; a smaller image is not enlarged.
    const scale = fit * Math.min(1, 768 / (Math.min(width, height) * fit));
    const tiles = Math.ceil((width * scale) / 512) * Math.ceil((height * scale) / 512);
    return rule.base + rule.perTile * tiles;
  }
  let patches = Math.ceil(width / 32) * Math.ceil(height / 32);
  if (patches > 1536) {
    const shrink = Math.sqrt((1536 * 32 * 32) / (width * height));
    patches = Math.min(1536, Math.ceil((width * shrink) / 32) * Math.ceil((height * shrink) / 32));
  }
  return Math.ceil(patches * rule.multiplier);
}
