"use client";

import { type KeyboardEvent, useState } from "react";
import type { StatementView } from "../../lib/api/types";
import { formatNumber } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { parseAmountInput } from "../../lib/review/parse-amount";
import {
  type CellAddress,
  cellConfidence,
  LOW_CONFIDENCE,
  printedValue,
} from "../../lib/review/statement-model";

type Item = StatementView["items"][number];

/**
 * One value, corrected in place: focus selects it (and shows it on the page), typing edits,
 * Enter saves, Escape restores, arrow keys move up and down the column.
 */
export function ValueCell({
  statement,
  item,
  itemIndex,
  period,
  periodLabel,
  column,
  decimals,
  failedCheck,
  selected,
  onSelect,
  onCorrect,
  onMove,
}: {
  statement: StatementView;
  item: Item;
  itemIndex: number;
  period: string;
  periodLabel: string;
  column: number;
  decimals: number;
  failedCheck: boolean;
  selected: boolean;
  onSelect(cell: CellAddress): void;
  /** Absent when the caller's role may not correct: the cell is read-only. */
  onCorrect?(cell: CellAddress, value: number): Promise<boolean>;
  onMove(step: number): void;
}) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const printed = printedValue(item.values[period], statement.unit);
  const shown = printed === null ? "" : formatNumber(printed, language, decimals);
  const confidence = cellConfidence(item, period);
  const low = printed !== null && confidence < LOW_CONFIDENCE;
  const corrected = item.flags?.includes("corrected") && item.valueConfidence?.[period] === 1;
  const cell: CellAddress = { statementId: statement.id, itemIndex, period };
  const noteId = `note-${statement.id}-${itemIndex}-${column}`;

  const commit = async () => {
    if (!onCorrect || draft === null || draft.trim() === shown) {
      setDraft(null);
      return;
    }
    const value = parseAmountInput(draft, language);
    if (value === null) {
      setProblem(t("review.notANumber"));
      return;
    }
    setProblem(null);
    setSaving(true);
    const saved = await onCorrect(
      cell,
      statement.unit > 1 ? Math.round(value * statement.unit * 1e6) / 1e6 : value,
    );
    setSaving(false);
    if (saved) setDraft(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void commit();
    } else if (event.key === "Escape") {
      setDraft(null);
      setProblem(null);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      onMove(event.key === "ArrowDown" ? 1 : -1);
    }
  };

  const notes = [
    low ? t("review.lowConfidence", { value: formatNumber(confidence * 100, language, 0) }) : null,
    failedCheck ? t("review.inFailedCheck") : null,
    corrected ? t("review.corrected") : null,
    problem,
  ].filter(Boolean);

  return (
    <td
      className={[
        "value-cell",
        low ? "value-cell--low" : "",
        failedCheck ? "value-cell--failed" : "",
        corrected ? "value-cell--corrected" : "",
        selected ? "value-cell--selected" : "",
      ].join(" ")}
    >
      <input
        className="value-input"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        data-row={itemIndex}
        data-column={column}
        data-key={item.key ?? ""}
        data-period={period}
        aria-label={`${item.label}, ${periodLabel}`}
        aria-describedby={notes.length > 0 ? noteId : undefined}
        aria-invalid={problem ? true : undefined}
        aria-busy={saving || undefined}
        readOnly={saving || !onCorrect}
        placeholder="–"
        value={draft ?? shown}
        title={t("review.cellTitle", { value: formatNumber(confidence * 100, language, 0) })}
        onFocus={(event) => {
          onSelect(cell);
          event.currentTarget.select();
        }}
        onChange={(event) => {
          if (onCorrect) setDraft(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft !== null && draft.trim() === shown) setDraft(null);
        }}
      />
      {(low || failedCheck || corrected) && (
        <span className="value-cell__mark" aria-hidden="true">
          {failedCheck ? "!" : low ? "?" : "✓"}
        </span>
      )}
      {notes.length > 0 && (
        <span id={noteId} className={problem ? "value-cell__problem" : "visually-hidden"}>
          {notes.join(". ")}
        </span>
      )}
    </td>
  );
}
