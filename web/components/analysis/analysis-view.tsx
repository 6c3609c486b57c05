"use client";

import type { Alert, ComparisonRow, PeerReport, RatioResult } from "@finstat/functions/analysis/types";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { latestPeriod, periodsOf } from "../../lib/analysis/ratio-view";
import { formatPeriod } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { Loading } from "../ui/loading";
import { AlertList } from "./alert-list";
import { ComparisonTables } from "./comparison-tables";
import { PeerBenchmark } from "./peer-benchmark";
import { RatioCards } from "./ratio-cards";
import type { TrendInput } from "./trend-charts";

// recharts is the heaviest dependency: only the analysis pages load it, after the numbers.
const TrendCharts = dynamic(() => import("./trend-charts"), { ssr: false, loading: () => <Loading /> });

export function AnalysisView({
  ratios,
  alerts,
  comparison,
  trend,
  peers,
  extra,
}: {
  ratios: RatioResult[];
  alerts: Alert[];
  comparison: ComparisonRow[];
  trend: TrendInput;
  peers?: PeerReport | null;
  extra?: React.ReactNode;
}) {
  const { t, language } = useI18n();
  const periods = useMemo(() => periodsOf(ratios), [ratios]);
  const [chosen, setChosen] = useState<string | null>(null);
  const period = chosen ?? latestPeriod(ratios);
  const ratioUnits = useMemo(() => new Map(ratios.map((r) => [r.key as string, r.unit])), [ratios]);

  return (
    <div className="analysis">
      {periods.length > 1 && (
        <div className="analysis__period">
          <label htmlFor="analysis-period">{t("analysis.periodChoice")}</label>
          <select
            id="analysis-period"
            value={period ?? ""}
            onChange={(event) => setChosen(event.target.value)}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p, language)}
              </option>
            ))}
          </select>
        </div>
      )}
      <AlertList alerts={period ? alerts.filter((a) => a.period === period) : alerts} />
      {period ? (
        <RatioCards ratios={ratios} alerts={alerts} period={period} />
      ) : (
        <p className="empty">{t("analysis.noRatios")}</p>
      )}
      <section aria-labelledby="trends-title" className="panel">
        <h2 id="trends-title">{t("analysis.trendsTitle")}</h2>
        {trend.periods.length < 2 ? (
          <p className="empty">{t("analysis.trendsNeedPeriods")}</p>
        ) : (
          <TrendCharts input={trend} />
        )}
      </section>
      {extra}
      <ComparisonTables comparison={comparison} ratioUnits={ratioUnits} />
      {peers && <PeerBenchmark peers={peers} />}
    </div>
  );
}
