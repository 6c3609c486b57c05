"use client";

import type { Alert } from "@finstat/functions/analysis/types";
import { formatPeriod } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";

const ICONS = { critical: "⛔", warning: "⚠", info: "ℹ" } as const;

export function AlertList({ alerts }: { alerts: Alert[] }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="alerts-title" className="panel">
      <h2 id="alerts-title">{t("analysis.alertsTitle")}</h2>
      {alerts.length === 0 ? (
        <p className="empty">{t("analysis.noAlerts")}</p>
      ) : (
        <ul className="alerts">
          {alerts.map((alert) => (
            <li
              key={`${alert.rule}|${alert.key ?? ""}|${alert.period}`}
              className={`alert alert--${alert.severity}`}
            >
              <span className="alert__icon" aria-hidden="true">
                {ICONS[alert.severity]}
              </span>
              <span className="visually-hidden">{t(`severity.${alert.severity}`)}: </span>
              <span>{alert.message[language]}</span>
              <span className="alert__period">{formatPeriod(alert.period, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
