import { unionBox } from "../layout/lines";
import type { Row } from "../layout/rows";
import { type AmountReading, joinAmountFragments, type NumberFormat, parseAmount } from "../parse/amount";
import { lookupAccountCode, parseAccountCodePrefix } from "../parse/chart-of-accounts";
import { matchLabel, type Section } from "../parse/labels";
import { foldForMatching } from "../parse/turkish-text";
import type { BBox, CanonicalKey, Period, StatementItem, StatementType } from "../types";

/** A statement line before canonical mapping: what was printed, where, and how sure we are. */
export interface ParsedLine {
  item: StatementItem;
  /** Confidence of the label → key mapping (1 for a chart-of-accounts code). */
  keyConfidence: number;
  contra: boolean;
  section?: Section;
  /** Outline level: 0 class/section, 1 group, 2 account or plain line. */
  depth: number;
  indent: number;
  kind: "line" | "subtotal" | "total" | "heading";
  /** A keyless line that must equal this key (UK "Net assets" = total equity). */
  equals?: CanonicalKey;
  readings: Record<string, AmountReading | undefined>;
  /** Printed after "Attributable to:" or under earnings per share: outside the profit chain. */
  aside?: boolean;
}

const NOTE_IN_LABEL = /\(?\b(?:not|note|dipnot)\s*(?:no\.?)?\s*[:.]?\s*(\d{1,2}(?:\.\d{1,2})?[a-z]?)\)?/i;
const EXTRAORDINARY = /ola[gğ]and[ıi][sş][ıi]|extraordinary/i;
const CONNECTOR_END = /(,|;|:|-|&|\band|\bve|\bof|\bile|\bveya|\bor|\bthe|\bfor)$/i;

/** After a section's total the statement moves on to the next section, heading or not. */
const SECTION_AFTER_TOTAL: Partial<Record<CanonicalKey, Section>> = {
  total_current_assets: "non_current_assets",
  total_non_current_assets: "current_liabilities",
  total_assets: "current_liabilities",
  total_current_liabilities: "non_current_liabilities",
  total_non_current_liabilities: "equity",
  total_liabilities: "equity",
};

interface Context {
  statement: StatementType;
  periods: Period[];
  format: NumberFormat;
  unit: number;
}

function labelParts(raw: string): {
  code?: string;
  markerKind?: "roman" | "letter" | "number";
  marker?: string;
  label: string;
  note?: string;
} {
  const noteMatch = raw.match(NOTE_IN_LABEL);
  const withoutNote = noteMatch ? raw.replace(noteMatch[0], " ").replace(/\s+/g, " ").trim() : raw.trim();
  const prefix = parseAccountCodePrefix(withoutNote);
  return {
    code: prefix.code,
    markerKind: prefix.markerKind,
    marker: prefix.marker,
    label: prefix.rest.trim(),
    note: noteMatch?.[1],
  };
}

/**
 * On OCR lines the label may end in leader dots read as words ("Intangible ASSES Semis Tenis"):
 * the label and its shorter heads are matched, and the most confident match wins (the longest
 * on a tie), so the noise never decides the key.
 */
function matchOcrTolerant(
  label: string,
  context: { statement: StatementType; section?: Section },
  ocr: boolean,
) {
  const words = label.split(/\s+/);
  let best = matchLabel(label, context);
  // A label the dictionary knows as a whole is not noise: "Less: Net earnings attributable to
  // noncontrolling interests" must not become "Less: Net earnings".
  if (!ocr || (best && best.confidence >= 0.8)) return best;
  for (let k = words.length - 1; k >= 1; k--) {
    const shorter = matchLabel(words.slice(0, k).join(" "), context);
    // The longest head the dictionary knows for sure decides, keyed or not: "SERMAYE BENZERİ
    // BORÇLANMA ARAÇLARI n=)" is that known borrowing, never its first word's share capital.
    if (!best?.key && shorter && !shorter.key && shorter.confidence >= 0.8 && k > 1) return shorter;
    if (shorter?.key && (!best?.key || shorter.confidence > best.confidence)) best = shorter;
  }
  return best;
}

function classify(
  parts: ReturnType<typeof labelParts>,
  ctx: Context,
  section: Section | undefined,
  ocr = false,
): Pick<ParsedLine, "keyConfidence" | "contra" | "section" | "depth" | "kind" | "equals"> & {
  key?: CanonicalKey;
  opensSection?: Section;
  opensBlock?: string;
  /** The block a line's own wording belongs to ("Earnings per share (cents)"). */
  block?: string;
} {
  const account = parts.code ? lookupAccountCode(parts.code) : undefined;
  // Extraordinary items (THP 67/68) are not operating income or expense: printed, kept, unkeyed.
  const extraordinary = Boolean(account?.extraordinary) || EXTRAORDINARY.test(parts.label);
  if (account && account.statement === ctx.statement) {
    const depth = account.level === "class" ? 0 : account.level === "group" ? 1 : 2;
    return {
      key: extraordinary ? undefined : account.key,
      keyConfidence: 1,
      contra: account.contra,
      section: account.section ?? section,
      opensSection: account.level === "account" ? undefined : account.section,
      depth,
      kind: depth === 2 ? "line" : depth === 1 ? "subtotal" : "total",
    };
  }
  const match = parts.label
    ? matchOcrTolerant(parts.label, { statement: ctx.statement, section }, ocr)
    : null;
  // A side's heading ("Liabilities") printed as a line inside one of that side's sections
  // ("(a) Liabilities" under current liabilities and provisions) is that section's line.
  const sideHeadingInSection =
    match?.kind === "heading" && match.key === "total_liabilities" && section?.endsWith("liabilities");
  return {
    key: match?.block || extraordinary || sideHeadingInSection ? undefined : match?.key,
    keyConfidence: match?.key ? match.confidence : 0,
    contra: Boolean(match?.contra || (match?.deduction && (match.naturalSign ?? 1) > 0)),
    section: match?.section ?? section,
    opensSection: match?.opensSection,
    opensBlock: match?.opensBlock,
    block: match?.block,
    // THP outline: "I." a class, "A." a group; numbered and unmarked lines are accounts.
    // Decimal outlines ("1.1 Nakit ve Nakit Benzerleri" over "1.1.2 Bankalar") nest by their dots.
    depth:
      parts.markerKind === "roman"
        ? 0
        : parts.markerKind === "letter"
          ? 1
          : 2 + Math.max(0, (parts.marker?.split(".").filter(Boolean).length ?? 1) - 1),
    kind: match?.kind ?? "line",
    equals: match?.equals,
  };
}

/** What reading the rows in order carries from one row to the next. */
interface LineState {
  section: Section | undefined;
  /** After "Attributable to:", per-share figures or other comprehensive income, nothing maps. */
  block: string | undefined;
  /** Label rows without figures, waiting for the line whose label they begin. */
  pending: Row[];
  /**
   * A label broken by a page break: the words left at the foot of one page, kept until the
   * first line with figures on the next (past that page's repeated headings).
   */
  carried: Row[];
  valuedPage: number | undefined;
}

/**
 * Turns laid-out rows into statement lines. Labels that wrap onto a second line are joined;
 * section headings set the context that tells "Borrowings" under current liabilities from the
 * same words under non-current ones; an empty cell stays null, never 0.
 */
export function buildLines(
  rows: Row[],
  placement: Array<Array<number | undefined>>,
  ctx: Context,
): ParsedLine[] {
  const lines: ParsedLine[] = [];
  const state: LineState = {
    section: ctx.statement === "income_statement" ? "income" : undefined,
    block: undefined,
    pending: [],
    carried: [],
    valuedPage: undefined,
  };
  const minIndent = Math.min(...rows.filter((r) => r.labelBox).map((r) => r.labelBox?.x0 ?? 0));
  rows.forEach((row, index) => {
    const places = placement[index] ?? [];
    const valued = row.cells.some((_, i) => places[i] !== undefined && (places[i] ?? -1) >= 0);
    if (index > 0 && rows[index - 1]?.page !== row.page) state.carried = state.pending;
    if (!valued) {
      if (row.label) readHeadingRow(row, state, ctx);
      return;
    }
    lines.push(readValuedRow(row, places, state, ctx, minIndent));
  });
  return lines;
}

/** A row without figures: a heading that opens a section or block, or the start of a wrapped label. */
function readHeadingRow(row: Row, state: LineState, ctx: Context): void {
  const { pending, section } = state;
  // A heading may wrap too ("III. KISA VADELİ YABANCI" / "KAYNAKLAR"): read it whole.
  const fragment = (text: string) => matchLabel(text, { statement: ctx.statement, section }) === null;
  // A line with its own account code or outline marker starts a label of its own.
  const own = parseAccountCodePrefix(row.label);
  const joinsPending =
    pending.length > 0 &&
    !own.code &&
    !own.marker &&
    closeBelow(pending[pending.length - 1], row) &&
    (continues(pending, row, ctx, section) ||
      (fragment(row.label) && fragment(pending.map((r) => r.label).join(" "))));
  const headingRows = joinsPending ? [...pending, row] : [row];
  const heading = classify(labelParts(headingRows.map((r) => r.label).join(" ")), ctx, section);
  if (heading.opensBlock ?? heading.block) state.block = heading.opensBlock ?? heading.block;
  if (heading.opensSection) {
    state.section = heading.opensSection;
    state.block = undefined;
  }
  state.pending = row.label.split(/\s+/).length < 25 ? headingRows : [];
}

/** The rows a line with figures takes its label from: its own, after a wrapped start or a page break. */
function labelRowsOf(row: Row, state: LineState, ctx: Context): Row[] {
  const { pending, carried, section } = state;
  if (
    pending.length > 0 &&
    closeBelow(pending[pending.length - 1], row) &&
    continues(pending, row, ctx, section)
  )
    return [...pending, row];
  if (
    carried.length > 0 &&
    state.valuedPage !== row.page &&
    (carried[carried.length - 1]?.page ?? 0) < row.page &&
    continues(carried, row, ctx, section)
  )
    return [...carried, row];
  return [row];
}

function readValuedRow(
  row: Row,
  places: Array<number | undefined>,
  state: LineState,
  ctx: Context,
  minIndent: number,
): ParsedLine {
  const labelRows = labelRowsOf(row, state, ctx);
  state.carried = [];
  state.valuedPage = row.page;
  state.pending = [];
  const rawLabel = labelRows
    .map((r) => r.label)
    .filter(Boolean)
    .join(" ");
  const parts = labelParts(rawLabel);
  const ocr = row.labelWords.some((w) => w.source === "ocr");
  const cls = classify(parts, ctx, state.section, ocr);
  if (cls.opensSection) state.section = cls.opensSection;
  if (cls.opensBlock) state.block = cls.opensBlock;
  const { block } = state;
  if (block) cls.key = undefined;
  // Earnings per share and share counts are printed in their own scale (cents, shares), never
  // in the statement's thousands or millions.
  // A label that names a monetary key ("Common stock ... 158,741,461 shares issued") is money.
  const ownScale =
    block === "per_share" ||
    cls.block === "per_share" ||
    (!cls.key && SHARES.test(foldForMatching(rawLabel)));
  const cells = readCells(row, places, ctx, ownScale ? 1 : ctx.unit);
  const note = parts.note ?? cells.note;
  const { values, valueBoxes, valueConfidence, readings, flags, candidates } = cells;
  const confidences = Object.values(valueConfidence);
  const item: StatementItem = {
    label: parts.label || (rawLabel ? rawLabel : ""),
    code: parts.code,
    key: cls.key,
    values,
    confidence: confidences.length ? Math.min(...confidences) : 0,
    valueConfidence,
    sources: [row.cells[0]?.words[0]?.source === "ocr" ? "ocr" : "text"],
    page: row.page,
    note,
    labelBox: labelRows.some((r) => r.labelBox)
      ? unionBox(labelRows.flatMap((r) => (r.labelBox ? [r.labelBox] : [])))
      : undefined,
    valueBoxes,
    flags:
      flags.length || ownScale ? [...new Set([...flags, ...(ownScale ? ["own_scale"] : [])])] : undefined,
    ...(candidates.length > 0 ? { candidates } : {}),
    level: cls.depth,
    isTotal: cls.kind === "total" || cls.kind === "subtotal" || cls.depth < 2 ? true : undefined,
  };
  // A total printed under its lines closes the section; THP prints it on the heading instead.
  const next = cls.key && !cls.opensSection ? SECTION_AFTER_TOTAL[cls.key] : undefined;
  if (next && ctx.statement === "balance_sheet") state.section = next;
  return {
    item,
    keyConfidence: cls.keyConfidence,
    contra: cls.contra,
    section: cls.section,
    depth: cls.depth,
    indent: (row.labelBox?.x0 ?? minIndent) - minIndent,
    kind: cls.kind,
    equals: cls.equals,
    readings,
    ...(block === "attribution" || block === "per_share" || cls.block ? { aside: true } : {}),
  };
}

/** A row's figures placed in their periods, with what made any of them doubtful. */
interface RowCells {
  values: Record<string, number | null>;
  valueBoxes: NonNullable<StatementItem["valueBoxes"]>;
  valueConfidence: Record<string, number>;
  readings: Record<string, AmountReading | undefined>;
  flags: string[];
  candidates: NonNullable<StatementItem["candidates"]>;
  /** The first cell in the notes column, when the label carried no note. */
  note?: string;
}

function readCells(row: Row, places: Array<number | undefined>, ctx: Context, unit: number): RowCells {
  const cells: RowCells = {
    values: {},
    valueBoxes: {},
    valueConfidence: {},
    readings: {},
    flags: [],
    candidates: [],
  };
  const texts: Record<string, { text: string; bbox: BBox; confidence: number }> = {};
  for (const period of ctx.periods) cells.values[period.id] = null;
  row.cells.forEach((cell, i) => {
    const place = places[i];
    if (place === -1) {
      cells.note = cells.note ?? cell.text;
      return;
    }
    if (place === undefined) return;
    const period = ctx.periods[place];
    if (!period) return;
    let reading = parseAmount(cell.text, ctx.format);
    if (!reading) {
      cells.flags.push("unreadable_amount");
      return;
    }
    let bbox = cell.bbox;
    let cellConfidence = cell.confidence;
    const earlier = texts[period.id];
    if (earlier !== undefined) {
      // "1.447 808.00": OCR broke one amount at a lost separator; two halves that make one
      // well-grouped amount are that amount, less surely. Anything else is two values.
      const joined = joinAmountFragments(earlier.text, cell.text, ctx.format);
      if (joined) {
        reading = joined;
        bbox = unionBox([earlier.bbox, cell.bbox]);
        cellConfidence = Math.min(earlier.confidence, cell.confidence) * 0.8;
        cells.flags.push("corrected_ocr_characters");
      } else cells.flags.push("two_values_in_one_period");
    }
    texts[period.id] = { text: cell.text, bbox: cell.bbox, confidence: cell.confidence };
    cells.values[period.id] = scale(reading.value, unit);
    cells.readings[period.id] = reading;
    cells.valueBoxes[period.id] = bbox;
    cells.valueConfidence[period.id] = Math.min(1, cellConfidence * reading.confidence);
    if (reading.ambiguous) cells.flags.push("ambiguous_amount");
    if (reading.corrected) cells.flags.push("corrected_ocr_characters");
    const firstReading = cell.words.find((w) => w.firstReading !== undefined)?.firstReading;
    if (firstReading !== undefined) secondReading(cells, firstReading, period.id, ctx.format, unit);
  });
  return cells;
}

/** The reviewer sees what OCR read before the second look changed it. */
function secondReading(
  cells: RowCells,
  firstReading: string,
  period: string,
  format: NumberFormat,
  unit: number,
): void {
  cells.flags.push("second_reading");
  const first = parseAmount(firstReading, format);
  if (first)
    cells.candidates.push({
      period,
      value: scale(first.value, unit),
      source: "ocr",
      confidence: first.confidence * 0.5,
      reason: "first OCR reading",
    });
}

const SHARES =
  /\b(?:per share|per ordinary share|number of (?:ordinary )?shares|weighted average (?:number of )?shares|shares outstanding|pay basina|hisse basina|pay adedi|hisse adedi)\b/i;

/** Amounts are exact to the cent: scale without float drift on large multipliers. */
function scale(value: number, unit: number): number {
  return unit === 1 ? value : Math.round(value * unit * 100) / 100;
}

function closeBelow(above: Row | undefined, below: Row): boolean {
  if (!above) return false;
  const gap = below.line.bbox.y0 - above.line.bbox.y1;
  return above.page === below.page && gap < 1.2 * Math.max(above.line.height, below.line.height);
}

/** Whether text-only lines above a valued line are the start of its label. */
function continues(pending: Row[], row: Row, ctx: Context, section: Section | undefined): boolean {
  const first = row.label.trim();
  const last = pending[pending.length - 1]?.label.trim() ?? "";
  if (first.length === 0) return false;
  // A line that starts with its own account code or outline marker starts its own label.
  const own = parseAccountCodePrefix(first);
  if (own.code || own.marker) return false;
  // An account printed without amounts ("294 Elden Çıkarılacak Stoklar ve Maddi") goes on below.
  const opener = parseAccountCodePrefix(pending[0]?.label ?? "");
  if (opener.code && opener.code.length >= 3 && pending.length === 1) return true;
  const alone = matchLabel(first, { statement: ctx.statement, section });
  const joined = matchLabel(`${pending.map((r) => r.label).join(" ")} ${first}`, {
    statement: ctx.statement,
    section,
  });
  // "H. Gelecek Aylara Ait" / "Giderler ve Gelir" / "Tahakkukları": an outline line wraps on.
  const markedOpener = Boolean(opener.marker || opener.code);
  const unmarkedRest = pending.slice(1).every((r) => {
    const prefix = parseAccountCodePrefix(r.label);
    return !prefix.marker && !prefix.code;
  });
  if (markedOpener && unmarkedRest && (!alone?.key || joined?.key === alone.key)) return true;
  // "KISA VADELİ YABANCI" means nothing alone: with "KAYNAKLAR TOPLAMI" it names a total.
  const pendingAlone = matchLabel(pending.map((r) => r.label).join(" "), {
    statement: ctx.statement,
    section,
  });
  if (joined?.key && pendingAlone === null) return true;
  // "TOPLAM KISA VADELİ" / "YÜKÜMLÜLÜKLER": the start of a total's label names no line itself.
  if (joined?.key && pendingAlone?.isTotal && !pendingAlone.key) return true;
  if (/^[\p{Ll}\d(]/u.test(first) || CONNECTOR_END.test(last)) return true;
  return Boolean(joined?.key && (!alone?.key || joined.confidence > alone.confidence + 0.05));
}
