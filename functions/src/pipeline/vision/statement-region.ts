import type { BBox, PageWords, Statement } from "../types";

/** Title, entity, unit line and column headings sit this far above a statement's first row. */
const HEADING_REACH_PT = 160;
/** Below the last row: a footnote marker or the last total's double rule. */
const FOOT_REACH_PT = 14;
/** Kept around the printed text so no glyph touches the crop's edge. */
const MARGIN_PT = 10;

/**
 * The part of a page the vision model needs, in page points: the rows of the statements the
 * parser found on it, widened to the words beside them and reaching up to the title and
 * column headings; without a statement, the page's printed text; without words, the page.
 */
export function statementRegion(page: PageWords, statements: Statement[]): BBox {
  const whole: BBox = { x0: 0, y0: 0, x1: page.width, y1: page.height };
  const rows = statements.flatMap((s) =>
    s.items.filter((i) => i.page === page.page).flatMap((i) => boxesOf(i.labelBox, i.valueBoxes)),
  );
  const band = rows.length > 0 ? union(rows) : undefined;
  const words = page.words
    .map((w) => w.bbox)
    .filter((b) => {
      if (!band) return true;
      const middle = (b.y0 + b.y1) / 2;
      return middle >= band.y0 - HEADING_REACH_PT && middle <= band.y1 + FOOT_REACH_PT;
    });
  const printed = [...words, ...(band ? [band] : [])];
  if (printed.length === 0) return whole;
  const box = union(printed);
  return {
    x0: Math.max(0, box.x0 - MARGIN_PT),
    y0: Math.max(0, box.y0 - MARGIN_PT),
    x1: Math.min(page.width, box.x1 + MARGIN_PT),
    y1: Math.min(page.height, box.y1 + MARGIN_PT),
  };
}

function boxesOf(label: BBox | undefined, values: Record<string, BBox> | undefined): BBox[] {
  return [...(label ? [label] : []), ...Object.values(values ?? {})];
}

function union(boxes: BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
