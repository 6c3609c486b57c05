/** Display names come from the analysis module, so reports, alerts and the web app say the same. */
import { explainReason, labelOf, ratioGroupLabel } from "../analysis/labels";
import type { RatioGroup } from "../analysis/types";
import type { ReportLanguage } from "./options";

export function itemName(key: string, language: ReportLanguage): string {
  return labelOf(key, language);
}

export function ratioName(key: string, language: ReportLanguage): string {
  return labelOf(key, language);
}

export function groupName(group: RatioGroup, language: ReportLanguage): string {
  return ratioGroupLabel(group, language);
}

/** "missing: inventories" → "eksik: Stoklar". */
export function reasonText(reason: string, language: ReportLanguage): string {
  return explainReason(reason, language);
}
