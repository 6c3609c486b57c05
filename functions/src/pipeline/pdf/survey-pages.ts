import { type RestatementStance, restatementStance } from "../parse/inflation-restatement";
import { chooseStatementPages, type PageSurvey, surveyPage } from "../statement/statement-pages";
import type { OcrEngine } from "./ocr-engine";
import type { PdfHandle } from "./open-pdf";
import { pdfErrors } from "./pdf-errors";
import { readScannedPage } from "./scanned-page";
import { readUprightTextLayer, type UprightTextLayer } from "./text-layer";
import { isTextLayerUsable } from "./text-layer-quality";

/** Documents up to this length are read whole; longer ones are surveyed first. */
const READ_WHOLE_UP_TO = 4;
/**
 * Up to this length a survey only leaves out pages that are plainly not statements (notes,
 * cash flow, pages without figures): an unusual title must not cost a short document its
 * statement. Longer reports keep only the pages a statement's title announces.
 */
const LENIENT_UP_TO = 12;
/** Titles are large print: a low-resolution OCR pass reads them at a tenth of the cost. */
const SURVEY_DPI = 110;

export interface SurveyOptions {
  ocr: OcrEngine;
  /** Most pages read in full. */
  maxPages: number;
  signal?: AbortSignal;
}

export interface PageSelection {
  pages: number[];
  /** Text layers the survey read of the pages chosen. */
  textLayers?: Map<number, UprightTextLayer>;
  /** The pages a survey chose to read in full; undefined when the document was read whole. */
  statementPages?: number[];
  /** What the surveyed text says of TMS 29 / IAS 29 (a long report says it in its notes). */
  restatement?: RestatementStance;
  warnings: string[];
}

/**
 * Which pages of a document to read in full. A short document is read whole. A longer one is
 * surveyed: text pages by their text layer (milliseconds a page), and, in a report too long to
 * read whole, scanned pages by a quick low-resolution OCR pass.
 */
export async function selectPages(pdf: PdfHandle, opts: SurveyOptions): Promise<PageSelection> {
  const all = Array.from({ length: pdf.pageCount }, (_, i) => i + 1);
  if (pdf.pageCount <= READ_WHOLE_UP_TO) return { pages: all, warnings: [] };
  const surveys: PageSurvey[] = [];
  const unread: number[] = [];
  const textLayers = new Map<number, UprightTextLayer>();
  const texts: string[] = [];
  for (const number of all) {
    opts.signal?.throwIfAborted();
    const layer = await readTextLayer(pdf, number);
    if (!layer) {
      unread.push(number);
      continue;
    }
    textLayers.set(number, layer);
    texts.push(layer.words.map((word) => word.text).join(" "));
    surveys.push(surveyPage(number, layer.words));
  }
  const tooLong = pdf.pageCount > opts.maxPages;
  if (tooLong) {
    surveys.push(...(await ocrSurveys(pdf, unread, opts)));
    surveys.sort((a, b) => a.page - b.page);
  }
  const lenient = pdf.pageCount <= LENIENT_UP_TO;
  const choice = chooseStatementPages(surveys, { lenient });
  // Scanned pages of a document short enough to read whole are read rather than guessed at.
  const pages = [...new Set([...choice.pages, ...(tooLong ? [] : unread)])].sort((a, b) => a - b);
  if (pages.length === 0) {
    if (!tooLong) return { pages: all, warnings: [] };
    throw pdfErrors.noStatementPages(pdf.pageCount);
  }
  if (pages.length > opts.maxPages) throw pdfErrors.tooManyPages(pages.length, opts.maxPages);
  // The chosen pages' text layers were read already: the full read takes them as they are.
  for (const number of textLayers.keys()) if (!pages.includes(number)) textLayers.delete(number);
  const restatement = restatementStance(texts);
  return {
    pages,
    statementPages: pages,
    warnings: choice.warnings,
    textLayers,
    ...(restatement ? { restatement } : {}),
  };
}

async function readTextLayer(pdf: PdfHandle, number: number): Promise<UprightTextLayer | undefined> {
  const page = await pdf.getPage(number);
  try {
    const upright = await readUprightTextLayer(page);
    return isTextLayerUsable(upright.words, upright.width * upright.height).usable ? upright : undefined;
  } catch {
    // A page pdfjs cannot read here fails again, with its proper error, when read in full.
    return undefined;
  } finally {
    page.cleanup();
  }
}

async function ocrSurveys(pdf: PdfHandle, numbers: number[], opts: SurveyOptions): Promise<PageSurvey[]> {
  const surveys: PageSurvey[] = [];
  let next = 0;
  const lane = async () => {
    while (next < numbers.length) {
      const number = numbers[next++] as number;
      opts.signal?.throwIfAborted();
      const page = await pdf.getPage(number);
      try {
        const read = await readScannedPage(page, {
          ocr: opts.ocr,
          dpi: SURVEY_DPI,
          resampleScans: true,
          signal: opts.signal,
        });
        surveys.push(surveyPage(number, read.words));
      } finally {
        page.cleanup();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(numbers.length, opts.ocr.size)) }, lane));
  return surveys;
}
