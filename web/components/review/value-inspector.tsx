"use client";

import { useState } from "react";
import type { StatementView } from "../../lib/api/types";
import { formatNumber, formatPeriod } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import type { MessageKey } from "../../lib/i18n/messages";
import { cellConfidence, displayDecimals, printedValue } from "../../lib/review/statement-model";

type Item = StatementView["items"][number];

const KNOWN_FLAGS = new Set([
  "check_failed",
  "ambiguous_amount",
  "arithmetic_candidate",
  "corrected",
  "low_confidence",
]);

/** The selected value: where it came from, how sure the reading is, and the other readings. */
export function ValueInspector({
  selection,
  onUseCandidate,
}: {
  selection: { statement: StatementView; item: Item; period: string } | null;
  /** Absent when the caller's role may not correct: the other readings are shown without a button. */
  onUseCandidate?(value: number): Promise<boolean>;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  if (!selection) return <p className="inspector inspector--empty">{t("review.selectHint")}</p>;
  const { statement, item, period } = selection;
  const value = printedValue(item.values[period], statement.unit);
  const confidence = cellConfidence(item, period);
  const candidates = (item.candidates ?? []).filter((c) => c.period === period);
  const decimals = displayDecimals(statement);
  const shown = (v: number | null) => (v === null ? "–" : formatNumber(v, language, decimals));

  return (
    <div className="inspector" aria-live="polite">
      <p className="inspector__title">
        <strong>{item.label}</strong> · {formatPeriod(period, language)}
      </p>
      <dl className="inspector__facts">
        <div>
          <dt>{t("review.value")}</dt>
          <dd className="mono">{shown(value)}</dd>
        </div>
        <div>
          <dt>{t("review.confidence")}</dt>
          <dd>{formatNumber(confidence * 100, language, 0)}%</dd>
        </div>
        <div>
          <dt>{t("review.source")}</dt>
          <dd>{item.sources.map((source) => t(`source.${source}`)).join(", ") || "–"}</dd>
        </div>
        <div>
          <dt>{t("review.pageShort")}</dt>
          <dd>{item.page}</dd>
        </div>
      </dl>
      {item.flags && item.flags.length > 0 && (
        <p className="inspector__flags">
          {item.flags.map((flag) => (
            <span key={flag} className="badge badge--flag">
              {KNOWN_FLAGS.has(flag) ? t(`flag.${flag}` as MessageKey) : flag}
            </span>
          ))}
        </p>
      )}
      {candidates.length > 0 && (
        <div className="inspector__candidates">
          <p>{t("review.otherReadings")}</p>
          <ul>
            {candidates.map((candidate) => (
              <li key={`${candidate.source}-${candidate.value}`}>
                <span className="mono">{shown(printedValue(candidate.value, statement.unit))}</span>{" "}
                <span className="cell-sub">
                  {t(`source.${candidate.source}`)} · {formatNumber(candidate.confidence * 100, language, 0)}%
                  {candidate.reason ? ` · ${candidate.reason}` : ""}
                </span>{" "}
                {onUseCandidate && (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={busy}
                    onClick={async () => {
                      setBusy(true);
                      await onUseCandidate(candidate.value);
                      setBusy(false);
                    }}
                  >
                    {t("review.useReading")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
