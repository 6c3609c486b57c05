import type { MessageKey } from "./messages";

/**
 * The pipeline's warnings are codes, some carrying the statement they concern and a page
 * (`vision_missed_income_statement`, `vision_empty_balance_sheet_page_3`). The reviewer reads a
 * sentence: the code's family picks the message, the statement and page fill it in. A code this
 * list does not know still reads as a sentence, never as the raw code.
 */
export const WARNING_FAMILIES = [
  "low_ocr_confidence",
  "vision_price_unknown",
  "currency_not_stated",
  "unit_not_stated",
  "period_inferred",
  "period_header_not_found",
  "separate_statements_ignored",
  "key_from_vision",
  "sources_disagree",
  "sources_disagree_unsettled",
  "vision_only_lines",
  "not_in_page_text",
  "vision_empty",
  "earlier_periods_added",
  "second_ignored",
  "periods_from_other_statement",
  "period_year_from_title",
  "period_year_from_sibling",
  "vision_only_period",
  "vision_unit_differs",
  "vision_unit_differs_between_pages",
  "period_from_vision",
  "vision_only",
  "vision_missed",
] as const;

export type WarningFamily = (typeof WARNING_FAMILIES)[number];

export interface ReadableWarning {
  key: MessageKey;
  statement?: "balance_sheet" | "income_statement";
  page?: number;
}

export function readableWarning(code: string): ReadableWarning {
  const statement = /(?:^|_)(balance_sheet|income_statement)(?:_|$)/.exec(code)?.[1] as
    | ReadableWarning["statement"]
    | undefined;
  const page = /_page_(\d+)$/.exec(code)?.[1];
  const family = code
    .replace(/_page_\d+$/, "")
    .replace(/(^|_)(balance_sheet|income_statement)(?=_|$)/, "")
    .replace(/^_/, "");
  const known = (WARNING_FAMILIES as readonly string[]).includes(family);
  return {
    key: known ? (`warning.${family as WarningFamily}` as MessageKey) : "warning.other",
    ...(statement ? { statement } : {}),
    ...(page ? { page: Number(page) } : {}),
  };
}
