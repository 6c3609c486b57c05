"use client";

import type { Alert, RatioResult } from "@finstat/functions/analysis/types";
import {
  alertFor,
  priorPeriod,
  ratioAt,
  ratioGroupLabel,
  ratiosByGroup,
} from "../../lib/analysis/ratio-view";
import {
  explainReason,
  formatNumber,
  formatPeriod,
  formatRatioValue,
  labelOf,
  readableFormula,
} from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";

/** Ratio cards of one period, by group: value, the prior period's, the formula on hover or focus, and the alert. */
export function RatioCards({
  ratios,
  alerts,
  period,
}: {
  ratios: RatioResult[];
  alerts: Alert[];
  period: string;
}) {
  const { t, language } = useI18n();
  const prior = priorPeriod(ratios, period);
  return (
    <section aria-labelledby="ratios-title" className="panel">
      <h2 id="ratios-title">{t("analysis.ratiosTitle", { period: formatPeriod(period, language) })}</h2>
      {ratiosByGroup(ratios, period).map(({ group, ratios: groupRatios }) => (
        <div key={group} className="ratio-group">
          <h3>{ratioGroupLabel(group, language)}</h3>
          <div className="ratio-cards">
            {groupRatios.map((ratio) => {
              const alert = alertFor(alerts, ratio.key, period);
              const before = ratioAt(ratios, ratio.key, prior);
              const formulaId = `formula-${ratio.key}`;
              const direction =
                before?.value == null || ratio.value === null
                  ? null
                  : ratio.value > before.value
                    ? "up"
                    : ratio.value < before.value
                      ? "down"
                      : "flat";
              return (
                <article
                  key={ratio.key}
                  className={`ratio-card${alert ? ` ratio-card--${alert.severity}` : ""}`}
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: focus reveals the formula to keyboard users.
                  tabIndex={0}
                  aria-describedby={formulaId}
                  data-ratio={ratio.key}
                >
                  <h4 className="ratio-card__name">{labelOf(ratio.key, language)}</h4>
                  <p className="ratio-card__value">{formatRatioValue(ratio.value, ratio.unit, language)}</p>
                  {ratio.value === null && ratio.reason && (
                    <p className="ratio-card__reason">{explainReason(ratio.reason, language)}</p>
                  )}
                  {before && prior && (
                    <p className="ratio-card__prior">
                      {direction && (
                        <span aria-hidden="true" className={`trend trend--${direction}`}>
                          {direction === "up" ? "▲" : direction === "down" ? "▼" : "■"}
                        </span>
                      )}{" "}
                      {t("analysis.priorValue", {
                        period: formatPeriod(prior, language),
                        value: formatRatioValue(before.value, before.unit, language),
                      })}
                    </p>
                  )}
                  {ratio.days !== undefined && ratio.days !== null && (
                    <p className="ratio-card__prior">
                      {t("analysis.days", { days: formatNumber(ratio.days, language, 0) })}
                    </p>
                  )}
                  {alert && (
                    <p className="ratio-card__alert">
                      <span className="visually-hidden">{t(`severity.${alert.severity}`)}: </span>
                      {alert.message[language]}
                    </p>
                  )}
                  <div role="tooltip" id={formulaId} className="tooltip">
                    <strong>{t("analysis.formula")}:</strong> {readableFormula(ratio.formula, language)}
                    {ratio.basis === "average" && (
                      <span className="tooltip__note">{t("analysis.averageBasis")}</span>
                    )}
                  </div>
                </article>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
