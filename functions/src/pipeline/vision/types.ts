import type { TokenUsage } from "../../platform/llm/port";
import type { Statement } from "../types";

/**
 * A statement as the vision model read it from one page, in the parser's shapes: items carry
 * the printed values (times the unit) and `sources: ["vision"]`; `canonical` is in the
 * additive sign convention, derived by our rules from the model's transcription.
 */
export interface VisionStatement extends Statement {
  /** Per item, same order as `items`: values in the additive sign convention. */
  signed: Array<Record<string, number | null>>;
  /** Per item: how sure the label → key mapping is (1 for a chart-of-accounts code). */
  keyConfidence: number[];
}

export type VisionPageStatus =
  /** The model answered and the answer was valid (it may hold no statement). */
  | "ok"
  | "refused"
  /** Malformed, schema-violating or truncated answer, after the allowed retries. */
  | "invalid_answer"
  /** HTTP error, time-out, network: after the allowed retries. */
  | "failed"
  /** Not sent: vision off, not selected in fallback mode, no image. */
  | "skipped";

export interface VisionPageResult {
  page: number;
  status: VisionPageStatus;
  statements: VisionStatement[];
  /** The model said the page is illegible. */
  illegible?: boolean;
  model: string;
  /** Calls made for this page (retries included). */
  attempts: number;
  /** Images the page was sent as (tiles of its statement region, or 1 for the whole page). */
  tiles?: number;
  /** Input tokens the images of this page bill by the model's published rule (an estimate). */
  imageTokens?: number;
  /** Tokens of every answer received for this page, rejected ones included. */
  usage: TokenUsage;
  costUsd?: number;
  ms: number;
  error?: { code: VisionErrorCode; message: string };
  warnings: string[];
}

export type VisionErrorCode =
  | "VISION_OFF"
  | "VISION_NO_IMAGE"
  | "VISION_TIMEOUT"
  | "VISION_RATE_LIMITED"
  | "VISION_SERVER_ERROR"
  | "VISION_NETWORK"
  | "VISION_AUTH"
  | "VISION_BAD_REQUEST"
  | "VISION_REFUSED"
  | "VISION_INVALID_ANSWER"
  | "VISION_BAD_IMAGE";
