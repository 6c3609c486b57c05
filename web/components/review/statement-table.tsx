"use client";

import { useMemo, useRef } from "react";
import type { StatementView } from "../../lib/api/types";
import { formatNumber, formatPeriod } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import {
  type CellAddress,
  cellKey,
  cellsInFailedChecks,
  displayDecimals,
} from "../../lib/review/statement-model";
import { ChecksSummary } from "./checks-summary";
import { CurrencySelect } from "./currency-select";
import { ValueCell } from "./value-cell";

const UNIT_KEYS: Record<number, "review.unit.thousands" | "review.unit.millions"> = {
  1000: "review.unit.thousands",
  1000000: "review.unit.millions",
};

export function StatementTable({
  statement,
  selected,
  onSelect,
  onCorrect,
  onChanged,
}: {
  statement: StatementView;
  selected: CellAddress | null;
  onSelect(cell: CellAddress): void;
  /** Absent when the caller's role may not correct: the values are shown, not editable. */
  onCorrect?(cell: CellAddress, value: number): Promise<boolean>;
  onChanged(statement: StatementView): void;
}) {
  const { t, language } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const failedCells = useMemo(() => cellsInFailedChecks(statement), [statement]);
  const decimals = useMemo(() => displayDecimals(statement), [statement]);
  const titleId = `statement-${statement.id}`;
  const unitKey = UNIT_KEYS[statement.unit];
  const confidence = formatNumber(statement.confidence * 100, language, 0);
  const hasCodes = statement.items.some((item) => item.code);

  /** Arrow keys move between the value cells like a spreadsheet. */
  const move = (row: number, column: number, rowStep: number) => {
    const inputs = table.current?.querySelectorAll<HTMLInputElement>(`input[data-column="${column}"]`);
    if (!inputs) return;
    const list = Array.from(inputs);
    const at = list.findIndex((input) => Number(input.dataset.row) === row);
    list[at + rowStep]?.focus();
  };

  const focusCell = (cell: CellAddress) => {
    const input = table.current?.querySelector<HTMLInputElement>(
      `input[data-row="${cell.itemIndex}"][data-period="${CSS.escape(cell.period)}"]`,
    );
    if (input) input.focus();
    else onSelect(cell);
  };

  return (
    <section className="statement" aria-labelledby={titleId}>
      <header className="statement__header">
        <h2 id={titleId}>{t(`statement.${statement.type}`)}</h2>
        <p className="meta">
          {statement.title && <span>{statement.title}</span>}
          {onCorrect ? (
            <CurrencySelect statement={statement} onChanged={onChanged} />
          ) : (
            <span data-testid="statement-currency-text">
              {t("review.currency")}: {statement.currency}
            </span>
          )}
          {unitKey && <span>{t(unitKey)}</span>}
          {statement.pages && statement.pages.length > 0 && (
            <span>{t("review.onPages", { pages: statement.pages.join(", ") })}</span>
          )}
          <span>{t("review.statementConfidence", { value: confidence })}</span>
        </p>
      </header>
      <ChecksSummary statement={statement} onShow={focusCell} />
      <div className="table-scroll">
        <table className="table statement-table" ref={table}>
          <thead>
            <tr>
              {hasCodes && (
                <th scope="col" className="statement-table__code">
                  {t("review.code")}
                </th>
              )}
              <th scope="col">{t("review.line")}</th>
              {statement.periods.map((period) => (
                <th scope="col" key={period.id} className="num">
                  {period.end ? formatPeriod(period.end, language) : period.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {statement.items.map((item, itemIndex) => {
              const rowFailed = statement.periods.some((p) => failedCells.has(cellKey(itemIndex, p.id)));
              return (
                <tr
                  // biome-ignore lint/suspicious/noArrayIndexKey: printed lines have no id; their order is fixed.
                  key={itemIndex}
                  className={[
                    item.isTotal ? "row--total" : "",
                    rowFailed ? "row--failed" : "",
                    item.flags?.includes("corrected") ? "row--corrected" : "",
                  ].join(" ")}
                >
                  {hasCodes && <td className="statement-table__code mono">{item.code ?? ""}</td>}
                  <th scope="row" style={{ paddingInlineStart: `${0.5 + (item.level ?? 0) * 0.9}rem` }}>
                    {item.label}
                    {item.note && <span className="cell-sub">{t("review.note", { note: item.note })}</span>}
                  </th>
                  {statement.periods.map((period, column) => (
                    <ValueCell
                      key={period.id}
                      statement={statement}
                      item={item}
                      itemIndex={itemIndex}
                      period={period.id}
                      periodLabel={period.end ? formatPeriod(period.end, language) : period.label}
                      column={column}
                      decimals={decimals}
                      failedCheck={failedCells.has(cellKey(itemIndex, period.id))}
                      selected={
                        selected?.statementId === statement.id &&
                        selected.itemIndex === itemIndex &&
                        selected.period === period.id
                      }
                      onSelect={onSelect}
                      onCorrect={onCorrect}
                      onMove={(step) => move(itemIndex, column, step)}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
