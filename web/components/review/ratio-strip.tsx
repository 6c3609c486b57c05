"use client";

import type { RatioResult } from "@finstat/functions/analysis/types";
import { changedRatios, latestPeriod, ratioGroupLabel, ratiosByGroup } from "../../lib/analysis/ratio-view";
import {
  explainReason,
  formatPeriod,
  formatRatioValue,
  labelOf,
  readableFormula,
} from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";

/** The document's ratios for its latest period, recomputed after every correction. */
export function RatioStrip({ ratios, previous }: { ratios: RatioResult[]; previous: RatioResult[] | null }) {
  const { t, language } = useI18n();
  const period = latestPeriod(ratios);
  if (!period) return null;
  const changed = changedRatios(previous, ratios, period);

  return (
    <details className="ratio-strip" open>
      <summary>
        {t("review.ratiosTitle", { period: formatPeriod(period, language) })}
        {changed.size > 0 && (
          <span className="badge badge--changed">{t("review.ratiosChanged", { count: changed.size })}</span>
        )}
      </summary>
      <div className="ratio-strip__groups">
        {ratiosByGroup(ratios, period).map(({ group, ratios: groupRatios }) => (
          <div key={group} className="ratio-strip__group">
            <h3>{ratioGroupLabel(group, language)}</h3>
            <dl>
              {groupRatios.map((ratio) => {
                const was = changed.get(ratio.key);
                const isChanged = changed.has(ratio.key);
                return (
                  <div
                    key={ratio.key}
                    className={`ratio-strip__item${isChanged ? " ratio-strip__item--changed" : ""}`}
                    data-ratio={ratio.key}
                    title={readableFormula(ratio.formula, language)}
                  >
                    <dt>{labelOf(ratio.key, language)}</dt>
                    <dd>
                      <span className="ratio-strip__value">
                        {formatRatioValue(ratio.value, ratio.unit, language)}
                      </span>
                      {ratio.value === null && ratio.reason && (
                        // A dash alone would not say whether the ratio is zero, unknown or why.
                        <span className="ratio-strip__why">{explainReason(ratio.reason, language)}</span>
                      )}
                      {isChanged && (
                        <span className="ratio-strip__was">
                          {t("review.ratioWas", {
                            value: formatRatioValue(was ?? null, ratio.unit, language),
                          })}
                        </span>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </div>
        ))}
      </div>
    </details>
  );
}
