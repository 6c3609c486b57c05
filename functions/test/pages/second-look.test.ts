import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOcrEngine, type OcrEngine, readPages } from "../../src/pipeline/pdf";
import { secondLook } from "../../src/pipeline/second-look";
import { extractStatements } from "../../src/pipeline/statement/extract";
import type { PageWords } from "../../src/pipeline/types";
import { scannedSample } from "../vision/scanned-sample";

// Real Tesseract on a generated 300-DPI scan of an English balance sheet (seed 5). Tesseract
// reads the 2021 prepayments, printed 27,777, as 27,111, so current assets do not add up: the
// second look must find that cell from the failing check, read it again from the page image
// and put the printed figure back.
let ocr: OcrEngine;
let pages: PageWords[];
let fixed: PageWords[];

beforeAll(async () => {
  ocr = createOcrEngine({ workers: 1 });
  const sample = await scannedSample({ seed: 5 });
  pages = (await readPages(sample.pdf, { ocr, maxPages: 2, keepScanImages: true })).pages;
});

afterAll(async () => {
  await ocr?.close();
});

describe("secondLook", () => {
  it("puts back a digit Tesseract misread, found by the failing check", async () => {
    const before = extractStatements(pages).statements[0];
    expect(before?.canonical.prepaid_expenses?.["2021-12-31"]).toBe(27_111_000);
    expect(before?.checks.filter((c) => !c.ok).map((c) => c.rule)).toEqual([
      "total_current_assets = sum of its lines",
    ]);

    const look = await secondLook(pages, ocr);
    expect(look.accepted).toBe(1);
    fixed = look.pages;
    const after = extractStatements(fixed).statements[0];
    expect(after?.canonical.prepaid_expenses?.["2021-12-31"]).toBe(27_777_000);
    expect(after?.checks.every((c) => c.ok)).toBe(true);
    const item = after?.items.find((i) => i.key === "prepaid_expenses");
    expect(item?.flags).toContain("second_reading");
    expect(item?.candidates).toContainEqual(
      expect.objectContaining({ period: "2021-12-31", value: 27_111_000, reason: "first OCR reading" }),
    );
  });

  it("reads a misread total again and keeps the reading the checks agree with", async () => {
    // Total assets only: total equity and liabilities prints the same figure further down.
    const target = fixed[0]?.words.find((w) => w.text === "2,682,802");
    const damaged = fixed.map((page) => ({
      ...page,
      words: page.words.map((w) => (w === target ? { ...w, text: "2,682,302" } : w)),
    }));
    expect(extractStatements(damaged).statements[0]?.checks.some((c) => !c.ok)).toBe(true);
    const look = await secondLook(damaged, ocr);
    expect(look.accepted).toBe(1);
    const after = extractStatements(look.pages).statements[0];
    expect(after?.canonical.total_assets?.["2022-12-31"]).toBe(2_682_802_000);
    expect(after?.checks.every((c) => c.ok)).toBe(true);
  });

  it("puts back twins misread alike, which only together make the checks pass", async () => {
    // Total assets and total equity and liabilities: the same figure, misread the same way.
    const damaged = fixed.map((page) => ({
      ...page,
      words: page.words.map((w) => (w.text === "2,682,802" ? { ...w, text: "2,682,302" } : w)),
    }));
    const before = extractStatements(damaged).statements[0];
    expect(before?.canonical.total_liabilities_and_equity?.["2022-12-31"]).toBe(2_682_302_000);
    const look = await secondLook(damaged, ocr);
    expect(look.accepted).toBe(2);
    const after = extractStatements(look.pages).statements[0];
    expect(after?.canonical.total_assets?.["2022-12-31"]).toBe(2_682_802_000);
    expect(after?.canonical.total_liabilities_and_equity?.["2022-12-31"]).toBe(2_682_802_000);
    expect(after?.checks.every((c) => c.ok)).toBe(true);
  });

  it("changes nothing when every check passes, or when there is no page image to read", async () => {
    const clean = await secondLook(fixed, ocr);
    expect(clean).toEqual({ pages: fixed, reread: 0, accepted: 0 });
    const withoutImages = pages.map(({ image: _image, ...page }) => page);
    const blind = await secondLook(withoutImages, ocr);
    expect(blind.pages).toBe(withoutImages);
    expect(blind.reread).toBe(0);
  });
});
