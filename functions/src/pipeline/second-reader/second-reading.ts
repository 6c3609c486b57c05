import type { GreyImage } from "../pdf/rasterise";
import { reconcileStatements } from "../reconcile/reconcile";
import type { PageWords, Statement, StatementItem, ValueSource } from "../types";
import type { VisionPageResult, VisionStatement } from "../vision/types";
import { aggregateVisionCanonical } from "../vision/vision-signs";
import type { AmountReader } from "./amount-reader";
import { cellAmount } from "./cell-amount";
import { cellImage, pageImage } from "./cell-image";

/** A reading by the local engine is one reading: never as sure as a print alone. */
const MAX_READING_CONFIDENCE = 0.85;

export interface SecondReadingResult {
  statements: Statement[];
  warnings: string[];
  /** Amount cells the local reader read, and those whose reading differed from Tesseract's. */
  cells: number;
  differing: number;
}

/**
 * The local second reader on scanned statements: every amount cell Tesseract put a value in
 * is cut out of the page image and read again by a different engine; its readings go through
 * the same reconciliation as the vision model's (agreement raises confidence, a disagreement
 * is settled by the accounting checks, the losing reading kept as a candidate for the
 * reviewer), labelled `local_ocr`. Only lines that alone make up their key are read: a key
 * several lines add up to compares sums, not prints. Digital pages are not read (their text
 * layer is exact), and statements without a scanned line come back untouched.
 */
export async function readScansAgain(
  statements: Statement[],
  pages: PageWords[],
  reader: AmountReader,
  signal?: AbortSignal,
): Promise<SecondReadingResult> {
  const images = new Map<number, Promise<GreyImage | undefined>>();
  const imageOf = (page: PageWords) => {
    if (!images.has(page.page)) images.set(page.page, pageImage(page));
    return images.get(page.page);
  };
  const results: Array<{ statement: Statement; result: VisionPageResult }> = [];
  let cells = 0;
  let differing = 0;
  for (const statement of statements) {
    const started = performance.now();
    const read: VisionStatement = {
      ...structuredClone({ ...statement, items: [] as StatementItem[] }),
      signed: [],
      keyConfidence: [],
    };
    for (const item of statement.items) {
      if (!item.key || !item.valueBoxes) continue;
      if (statement.items.filter((i) => i.key === item.key).length > 1) continue;
      const page = pages.find((p) => p.page === item.page);
      if (page?.source !== "ocr" || !page.image) continue;
      const image = await imageOf(page);
      if (!image) continue;
      const again = await readLineAgain(statement, item, page, image, reader, signal);
      cells += again.cells;
      differing += again.differing;
      const { values, signed, valueConfidence } = again;
      if (Object.keys(values).length === 0) continue;
      read.items.push({
        ...structuredClone(item),
        values,
        valueConfidence,
        confidence: Math.min(...Object.values(valueConfidence)),
        sources: ["vision"],
        candidates: undefined,
        flags: undefined,
      });
      read.signed.push(signed);
      read.keyConfidence.push(1);
    }
    if (read.items.length === 0) continue;
    Object.assign(read, aggregateVisionCanonical(read.items, read.signed, read.keyConfidence));
    const first = Math.min(...(statement.pages ?? [statement.items[0]?.page ?? 1]));
    results.push({
      statement,
      result: {
        page: first,
        status: "ok",
        statements: [read],
        model: reader.name,
        attempts: 1,
        usage: { inputTokens: 0, outputTokens: 0 },
        ms: Math.round(performance.now() - started),
        warnings: [],
      },
    });
  }
  if (results.length === 0) return { statements, warnings: [], cells, differing };

  return { ...reconcileReadings(statements, results, pages), cells, differing };
}

/** One line's amount cells read again: the digits by the local engine, sign and convention from the first reading. */
async function readLineAgain(
  statement: Statement,
  item: StatementItem,
  page: PageWords,
  image: GreyImage,
  reader: AmountReader,
  signal?: AbortSignal,
) {
  const values: Record<string, number | null> = {};
  const signed: Record<string, number | null> = {};
  const valueConfidence: Record<string, number> = {};
  let cells = 0;
  let differing = 0;
  for (const period of statement.periods) {
    signal?.throwIfAborted();
    const box = item.valueBoxes?.[period.id];
    const first = item.values[period.id];
    const additive = item.key ? statement.canonical[item.key]?.[period.id] : undefined;
    if (!box || typeof first !== "number" || additive === undefined) continue;
    // The printed sign and the sign convention come from the first reading: the second
    // reader is asked about the digits only.
    const convention = first === 0 ? 1 : additive / first;
    if (Math.abs(Math.abs(convention) - 1) > 1e-9 && first !== 0) continue;
    const cell = cellImage(image, page, box);
    if (!cell) continue;
    const reading = await reader.read(cell);
    cells += 1;
    const magnitude = cellAmount(reading.text);
    if (magnitude === undefined) continue;
    const value = (first < 0 ? -1 : 1) * magnitude * statement.unit;
    if (Math.abs(value - first) > 0.005 * statement.unit) differing += 1;
    values[period.id] = value;
    signed[period.id] = value * Math.sign(convention || 1);
    valueConfidence[period.id] = Math.min(MAX_READING_CONFIDENCE, reading.confidence);
  }
  return { values, signed, valueConfidence, cells, differing };
}

/** The readings through the vision model's reconciliation, relabelled as the local engine's. */
function reconcileReadings(
  statements: Statement[],
  results: Array<{ statement: Statement; result: VisionPageResult }>,
  pages: PageWords[],
): { statements: Statement[]; warnings: string[] } {
  // Reconciliation joins one statement per type; a document with two of a type (two years'
  // sets) is reconciled statement by statement so that none is lost.
  const types = statements.map((s) => s.type);
  const groups =
    new Set(types).size === types.length
      ? [{ statements, results: results.map((r) => r.result) }]
      : statements.map((s) => ({
          statements: [s],
          results: results.filter((r) => r.statement === s).map((r) => r.result),
        }));
  const out: Statement[] = [];
  const warnings: string[] = [];
  for (const group of groups) {
    const reconciled = reconcileStatements(group.statements, group.results, pages);
    out.push(...reconciled.statements.map(labelLocalReadings));
    // The vision model's own warnings (a type it missed, a unit it read otherwise) do not
    // apply to a reader that was only shown the cells the parser found.
    warnings.push(...reconciled.warnings.filter((w) => !w.startsWith("vision_") && w !== "key_from_vision"));
  }
  return { statements: out, warnings: [...new Set(warnings)] };
}

/** Reconciliation names the second reading "vision"; here it is the local engine's. */
function labelLocalReadings(statement: Statement): Statement {
  const local = (source: ValueSource): ValueSource => (source === "vision" ? "local_ocr" : source);
  return {
    ...statement,
    items: statement.items.map((item) => ({
      ...item,
      sources: item.sources.map(local),
      ...(item.candidates
        ? { candidates: item.candidates.map((c) => ({ ...c, source: local(c.source) })) }
        : {}),
    })),
  };
}
