import { describe, expect, it } from "vitest";
import { createFakeLlm, fakeAnswer } from "../../platform/llm/fake-llm";
import type { StructuredRequest } from "../../platform/llm/port";
import { visionAnswerSchema } from "./answer-schema";
import { createRecordingLlm, createReplayLlm, type RecordedAnswer } from "./replay";

const request = (subject: StructuredRequest["subject"]): StructuredRequest => ({
  model: "gpt-4.1",
  system: "s",
  prompt: "p",
  images: [],
  schema: { name: "x", zod: visionAnswerSchema },
  subject,
});

const recording = (fields: Partial<RecordedAnswer>): RecordedAnswer => ({
  format: "finstat-vision-answer",
  version: 1,
  synthetic: true,
  model: "synthetic-from-truth",
  answer: {
    kind: "answer",
    json: { statements: [], illegible: false },
    usage: { inputTokens: 1, outputTokens: 2 },
  },
  ...fields,
});

describe("createReplayLlm", () => {
  it("answers by document and page first, then by image hash", async () => {
    const llm = createReplayLlm([
      recording({ document: "a", page: 1, note: "by page" }),
      recording({
        imageSha256: "abc",
        answer: { kind: "refusal", refusal: "no", usage: { inputTokens: 0, outputTokens: 0 } },
      }),
    ]);
    const byPage = await llm.completeStructured(request({ document: "a", page: 1, imageSha256: "abc" }));
    expect(byPage).toMatchObject({
      kind: "answer",
      text: '{"statements":[],"illegible":false}',
      model: "synthetic-from-truth",
    });
    const byImage = await llm.completeStructured(request({ document: "b", page: 1, imageSha256: "abc" }));
    expect(byImage).toMatchObject({ kind: "refusal", refusal: "no" });
  });

  it("fails a page it has no recording for, and lists it", async () => {
    const llm = createReplayLlm([]);
    await expect(llm.completeStructured(request({ document: "a", page: 9 }))).rejects.toThrow(
      "No recorded vision answer for a page 9",
    );
    expect(llm.misses).toEqual([{ document: "a", page: 9, imageSha256: undefined }]);
  });
});

describe("createRecordingLlm", () => {
  it("passes answers through and records them as live (not synthetic) answers that replay identically", async () => {
    const recorded: RecordedAnswer[] = [];
    const inner = createFakeLlm(() => fakeAnswer({ statements: [], illegible: true }));
    const llm = createRecordingLlm(inner, (r) => {
      recorded.push(r);
    });
    const live = await llm.completeStructured(request({ document: "d", page: 2, imageSha256: "f00" }));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ synthetic: false, document: "d", page: 2, imageSha256: "f00" });
    const replayed = await createReplayLlm(recorded).completeStructured(request({ document: "d", page: 2 }));
    expect(replayed).toEqual(live);
  });
});
