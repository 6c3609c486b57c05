import type { HistoryEntry } from "../api/types";
import { formatNumber, formatPeriod } from "../i18n/format";
import type { Translate } from "../i18n/language";
import type { Language } from "../i18n/languages";
import type { MessageKey } from "../i18n/messages";

/** Actions the history has a sentence for; anything newer is shown by its code. */
const SENTENCES: Record<string, MessageKey> = {
  "document.upload": "history.document.upload",
  "document.retry": "history.document.retry",
  "document.review": "history.document.review",
  "document.assign": "history.document.assign",
  "document.unassign": "history.document.unassign",
  "statement.correct": "history.statement.correct",
  "statement.currency": "history.statement.currency",
  "export.create": "history.export.create",
  "export.email": "history.export.email",
};

/** Who did it: the person (a removed account stays anonymous), and the API key it came through. */
export function historyActor(entry: HistoryEntry, t: Translate): string {
  const name = entry.who?.fullName ?? t("history.deletedUser");
  return entry.apiKey ? t("history.viaKey", { name, key: entry.apiKey.name }) : name;
}

/** What was done, with a changed value from what to what (whole amounts, as stored). */
export function historySentence(entry: HistoryEntry, t: Translate, language: Language): string {
  const key = SENTENCES[entry.action];
  if (!key) return t("history.other", { action: entry.action });
  const amount = (value: number | null | undefined) =>
    value === null || value === undefined
      ? "–"
      : formatNumber(value, language, Number.isInteger(value) ? 0 : 2);
  const correction = entry.correction;
  return t(key, {
    name: entry.assignee?.fullName ?? "",
    label: correction?.label ?? correction?.key ?? "",
    period: correction?.period ? formatPeriod(correction.period, language) : "",
    from: amount(correction?.from),
    to: amount(correction?.to),
    before: entry.currency?.before ?? "–",
    after: entry.currency?.after ?? "–",
  });
}
