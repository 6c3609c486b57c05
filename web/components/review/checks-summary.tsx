"use client";

import type { StatementView } from "../../lib/api/types";
import { checkRuleName, formatNumber, formatPeriod } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import type { CellAddress } from "../../lib/review/statement-model";
import { printedValue } from "../../lib/review/statement-model";

/**
 * The accounting checks of a statement: a passing count, every failure spelt out, and every
 * identity that could not be evaluated because its total was not found. Green only when all of
 * the statement's identities were evaluated and hold.
 */
export function ChecksSummary({
  statement,
  onShow,
}: {
  statement: StatementView;
  onShow(cell: CellAddress): void;
}) {
  const { t, language } = useI18n();
  const failed = statement.checks.filter((check) => !check.ok);
  const unchecked = statement.unchecked ?? [];
  const total = statement.checks.length;
  if (total === 0 && unchecked.length === 0)
    return <p className="checks checks--none">{t("review.checksNone")}</p>;

  const amount = (value: number | undefined) =>
    value === undefined ? "–" : formatNumber(printedValue(value, statement.unit) ?? 0, language, 0);
  const state = failed.length > 0 ? "failed" : unchecked.length > 0 ? "unchecked" : "ok";

  return (
    <div className={`checks checks--${state}`} data-testid="checks" data-state={state}>
      <p className="checks__summary">
        <span aria-hidden="true">{state === "failed" ? "✗" : state === "unchecked" ? "!" : "✓"}</span>{" "}
        {t("review.checksSummary", { passed: total - failed.length, total })}
        {unchecked.length > 0 && ` · ${t("review.checksUnchecked", { count: unchecked.length })}`}
      </p>
      {(failed.length > 0 || unchecked.length > 0) && (
        <ul className="checks__list">
          {unchecked.map((identity) => (
            <li key={`unchecked|${identity.rule}|${identity.period}`} data-testid="check-unchecked">
              <span className="checks__rule">{checkRuleName(identity.rule, language)}</span>{" "}
              <span className="checks__period">({formatPeriod(identity.period, language)})</span>:{" "}
              {t("review.notChecked")}
            </li>
          ))}
          {failed.map((check) => {
            const involved = new Set(check.involves ?? []);
            const first = statement.items.findIndex(
              (item) => (item.key && involved.has(item.key)) || involved.has(item.label),
            );
            return (
              <li key={`${check.rule}|${check.period}`}>
                <span className="checks__rule">{checkRuleName(check.rule, language)}</span>{" "}
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
