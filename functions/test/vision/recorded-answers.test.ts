import { describe, expect, it } from "vitest";
import { readVisionAnswer } from "../../src/pipeline/vision/answer-schema";
import { loadRecordings } from "../../src/platform/llm/recording-files";

/** The recorded answers the bench replays are synthetic, say so, and are valid model answers. */
describe("recorded vision answers", () => {
  it("are all marked synthetic, keyed by document and page, and follow the answer schema", async () => {
    const recordings = await loadRecordings(new URL("./recorded", import.meta.url).pathname);
    expect(recordings.length).toBeGreaterThanOrEqual(20);
    for (const r of recordings) {
      expect(r.synthetic).toBe(true);
      expect(r.note).toMatch(
        /^SYNTHETIC replay derived from the generator's ground truth, not live model output/,
      );
      expect(r.document).toMatch(/^(thp|tfrs|ifrs|us)-s1-\d{3}-scan(300|200noisy)$/);
      expect(r.page).toBeGreaterThanOrEqual(1);
      expect(r.answer.kind).toBe("answer");
      if (r.answer.kind === "answer")
        expect("answer" in readVisionAnswer(JSON.stringify(r.answer.json))).toBe(true);
    }
    const documents = new Set(recordings.map((r) => r.document));
    expect(documents.size).toBe(16);
    // Every document carries the two deliberate mistakes somewhere in its pages.
    for (const document of documents) {
      const notes = recordings
        .filter((r) => r.document === document)
        .map((r) => r.note ?? "")
        .join(" ");
      expect(notes).toContain("dropped a digit");
      expect(notes).toContain("invented the line");
    }
  });
});
