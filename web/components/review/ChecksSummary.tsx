"use client";

import type { StatementView } from "../../lib/api/types";
import { formatNumber, formatPeriod, readableRule } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import type { CellAddress } from "../../lib/review/statementModel";
import { printedValue } from "../../lib/review/statementModel";

/** The accounting checks of a statement: a passing count, and every failure spelt out. */
export function ChecksSummary({
  statement,
  onShow,
}: {
  statement: StatementView;
  onShow(cell: CellAddress): void;
}) {
  const { t, language } = useI18n();
  const failed = statement.checks.filter((check) => !check.ok);
  const total = statement.checks.length;
  if (total === 0) return <p className="checks checks--none">{t("review.checksNone")}</p>;

  const amount = (value: number | undefined) =>
    value === undefined ? "–" : formatNumber(printedValue(value, statement.unit) ?? 0, language, 0);

  return (
    <div className={`checks ${failed.length > 0 ? "checks--failed" : "checks--ok"}`} data-testid="checks">
      <p className="checks__summary">
        <span aria-hidden="true">{failed.length > 0 ? "✗" : "✓"}</span>{" "}
        {t("review.checksSummary", { passed: total - failed.length, total })}
      </p>
      {failed.length > 0 && (
        <ul className="checks__list">
          {failed.map((check) => {
            const involved = new Set(check.involves ?? []);
            const first = statement.items.findIndex(
              (item) => (item.key && involved.has(item.key)) || involved.has(item.label),
            );
            return (
              <li key={`${check.rule}|${check.period}`}>
                <span className="checks__rule">{readableRule(check.rule, language)}</span>{" "}
                <span className="checks__period">({formatPeriod(check.period, language)})</span>{" "}
                <span className="checks__difference">
                  {t("review.checkDifference", {
                    difference: amount(check.difference),
                    expected: amount(check.expected),
                    actual: amount(check.actual),
                  })}
                </span>
                {first >= 0 && (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() =>
                      onShow({ statementId: statement.id, itemIndex: first, period: check.period })
                    }
                  >
                    {t("review.showCheck")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
