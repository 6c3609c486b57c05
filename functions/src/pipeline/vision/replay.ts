import {
  LlmError,
  type LlmPort,
  type StructuredAnswer,
  type StructuredRequest,
} from "../../platform/llm/port";

/**
 * A model answer kept for replay: the bench and the tests run the whole vision path (image
 * sizing, schema validation, conversion, reconciliation) without a live model. `synthetic`
 * says the answer was written by a generator (ground truth with deliberate mistakes), not
 * recorded from a model; a replay never hides which it is.
 */
export interface RecordedAnswer {
  format: "finstat-vision-answer";
  version: 1;
  synthetic: boolean;
  note?: string;
  /** The document's name as the caller passes it (file name without ".pdf"). */
  document?: string;
  page?: number;
  /** SHA-256 of the page image the pipeline rendered (before sizing for the model). */
  imageSha256?: string;
  /** The answer to one tile of the page: which of how many, and the SHA-256 of the tile sent. */
  tile?: { index: number; count: number; imageSha256: string };
  model: string;
  answer:
    | {
        kind: "answer";
        json: unknown;
        text?: string;
        usage: StructuredAnswer["usage"];
        finishReason?: string;
      }
    | { kind: "refusal"; refusal: string; usage: StructuredAnswer["usage"] };
}

export function recordingKey(
  document: string,
  page: number,
  tile?: { index: number; count: number },
): string {
  return tile ? `${document}#${page}#${tile.index + 1}/${tile.count}` : `${document}#${page}`;
}

export interface ReplayLlm extends LlmPort {
  /** Requests that found no recording: the page then fails as a model error would. */
  readonly misses: Array<{ document?: string; page?: number; imageSha256?: string }>;
}

/**
 * An LLM port that answers from recordings. A tile is looked up by document, page and tile
 * (which of how many), then by the tile image's SHA-256; a page, or a tile without its own
 * recording, by document and page, then by the page image's SHA-256. A whole-page recording
 * answers each of the page's tiles (the tiles' answers are merged once), its tokens counted
 * on the first tile only: they were paid once. A missing recording fails the call (the page is
 * read without vision), so a bench run with partial recordings is still honest about what
 * vision contributed.
 */
export function createReplayLlm(recordings: RecordedAnswer[]): ReplayLlm {
  const byPage = new Map<string, RecordedAnswer>();
  const byImage = new Map<string, RecordedAnswer>();
  const byTile = new Map<string, RecordedAnswer>();
  const byTileImage = new Map<string, RecordedAnswer>();
  for (const r of recordings) {
    if (r.tile) {
      if (r.document !== undefined && r.page !== undefined)
        byTile.set(recordingKey(r.document, r.page, r.tile), r);
      byTileImage.set(r.tile.imageSha256, r);
      continue;
    }
    if (r.document !== undefined && r.page !== undefined) byPage.set(recordingKey(r.document, r.page), r);
    if (r.imageSha256) byImage.set(r.imageSha256, r);
  }
  const misses: ReplayLlm["misses"] = [];
  return {
    name: "replay",
    misses,
    async completeStructured(request: StructuredRequest): Promise<StructuredAnswer> {
      request.signal?.throwIfAborted();
      const s = request.subject ?? {};
      const known = s.document !== undefined && s.page !== undefined;
      const tile = s.tile
        ? ((known ? byTile.get(recordingKey(s.document as string, s.page as number, s.tile)) : undefined) ??
          byTileImage.get(s.tile.imageSha256))
        : undefined;
      if (tile) return answerOf(tile);
      const page =
        (known ? byPage.get(recordingKey(s.document as string, s.page as number)) : undefined) ??
        (s.imageSha256 ? byImage.get(s.imageSha256) : undefined);
      if (!page) {
        misses.push({ document: s.document, page: s.page, imageSha256: s.imageSha256 });
        throw new LlmError(
          "bad_request",
          `No recorded vision answer for ${s.document ?? "this document"} page ${s.page ?? "?"}.`,
        );
      }
      const answer = answerOf(page);
      return s.tile && s.tile.index > 0 ? { ...answer, usage: { inputTokens: 0, outputTokens: 0 } } : answer;
    },
  };
}

function answerOf(recording: RecordedAnswer): StructuredAnswer {
  const a = recording.answer;
  if (a.kind === "refusal")
    return { kind: "refusal", refusal: a.refusal, usage: a.usage, model: recording.model };
  return {
    kind: "answer",
    text: a.text ?? JSON.stringify(a.json),
    usage: a.usage,
    model: recording.model,
    finishReason: a.finishReason ?? "stop",
  };
}

/**
 * Wraps a real port and hands every answer to `onRecord` (the CLI writes them to files), so
 * one live run can be replayed by later bench runs.
 */
export function createRecordingLlm(
  inner: LlmPort,
  onRecord: (recording: RecordedAnswer) => void | Promise<void>,
): LlmPort {
  return {
    name: `recording(${inner.name})`,
    async completeStructured(request) {
      const answer = await inner.completeStructured(request);
      const s = request.subject ?? {};
      await onRecord({
        format: "finstat-vision-answer",
        version: 1,
        synthetic: false,
        document: s.document,
        page: s.page,
        imageSha256: s.imageSha256,
        ...(s.tile ? { tile: s.tile } : {}),
        model: answer.model,
        answer:
          answer.kind === "refusal"
            ? { kind: "refusal", refusal: answer.refusal, usage: answer.usage }
            : {
                kind: "answer",
                json: safeJson(answer.text),
                text: answer.text,
                usage: answer.usage,
                finishReason: answer.finishReason,
              },
      });
      return answer;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
