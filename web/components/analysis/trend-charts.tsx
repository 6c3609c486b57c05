"use client";

import type { RatioResult } from "@finstat/functions/analysis/types";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { compactAmount } from "../../lib/analysis/compact-amount";
import { ratioAt } from "../../lib/analysis/ratio-view";
import { formatAmount, formatPeriod, formatRatioValue, labelOf } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import type { Language } from "../../lib/i18n/languages";

/** Colour-blind-safe and at least 4.5:1 on white (Okabe–Ito, darkened). */
const COLOURS = ["#0b5cad", "#b45309", "#047857", "#7c3aed", "#be123c"];

export interface TrendInput {
  periods: string[];
  /** Canonical amounts per period (additive sign convention). */
  amounts: Record<string, Partial<Record<string, number>>>;
  ratios: RatioResult[];
}

const AMOUNT_SETS: Array<{ title: "analysis.chart.income" | "analysis.chart.balance"; keys: string[] }> = [
  { title: "analysis.chart.income", keys: ["revenue", "gross_profit", "operating_profit", "net_income"] },
  { title: "analysis.chart.balance", keys: ["total_assets", "total_liabilities", "total_equity"] },
];
const RATIO_SETS: Array<{
  title: "analysis.chart.liquidity" | "analysis.chart.margins";
  keys: string[];
  percent: boolean;
}> = [
  {
    title: "analysis.chart.liquidity",
    keys: ["current_ratio", "quick_ratio", "debt_to_equity"],
    percent: false,
  },
  {
    title: "analysis.chart.margins",
    keys: ["gross_margin", "operating_margin", "net_margin", "return_on_equity"],
    percent: true,
  },
];

/** Multi-period trends: amounts as bars, ratios and margins as lines, each with its numbers in a table. */
export default function TrendCharts({ input }: { input: TrendInput }) {
  const { t, language } = useI18n();
  const label = (period: string) => formatPeriod(period, language);

  return (
    <div className="charts">
      {AMOUNT_SETS.map((set) => {
        const keys = set.keys.filter((key) =>
          input.periods.some((p) => input.amounts[p]?.[key] !== undefined),
        );
        if (keys.length === 0) return null;
        const data = input.periods.map((p) => ({ period: label(p), ...pickAmounts(input.amounts[p], keys) }));
        return (
          <ChartFigure
            key={set.title}
            title={t(set.title)}
            keys={keys}
            data={data}
            language={language}
            format={(v) => formatAmount(v, language, 0)}
          >
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d7e2" />
              <XAxis dataKey="period" tick={{ fill: "#2b3442", fontSize: 12 }} />
              <YAxis
                tickFormatter={(v: number) => compactAmount(v, language)}
                tick={{ fill: "#2b3442", fontSize: 12 }}
                width={72}
              />
              <Tooltip formatter={(v) => formatAmount(Number(v), language, 0)} />
              <Legend itemSorter={null} />
              {keys.map((key, i) => (
                <Bar
                  key={key}
                  dataKey={key}
                  name={labelOf(key, language)}
                  fill={COLOURS[i % COLOURS.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ChartFigure>
        );
      })}
      {RATIO_SETS.map((set) => {
        const keys = set.keys.filter((key) =>
          input.periods.some((p) => ratioAt(input.ratios, key, p)?.value != null),
        );
        if (keys.length === 0) return null;
        const scale = set.percent ? 100 : 1;
        const data = input.periods.map((p) => ({
          period: label(p),
          ...Object.fromEntries(
            keys.map((key) => [key, scaled(ratioAt(input.ratios, key, p)?.value, scale)]),
          ),
        }));
        const format = (v: number) =>
          formatRatioValue(v / scale, set.percent ? "percent" : "ratio", language);
        return (
          <ChartFigure
            key={set.title}
            title={t(set.title)}
            keys={keys}
            data={data}
            language={language}
            format={format}
          >
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d7e2" />
              <XAxis
                dataKey="period"
                tick={{ fill: "#2b3442", fontSize: 12 }}
                padding={{ left: 32, right: 32 }}
              />
              <YAxis tickFormatter={format} tick={{ fill: "#2b3442", fontSize: 12 }} width={64} />
              <Tooltip formatter={(v) => format(Number(v))} />
              <Legend itemSorter={null} />
              {keys.map((key, i) => (
                <Line
                  key={key}
                  type="monotone"
                  dataKey={key}
                  name={labelOf(key, language)}
                  stroke={COLOURS[i % COLOURS.length]}
                  strokeWidth={2}
                  dot={{ r: 4 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ChartFigure>
        );
      })}
    </div>
  );
}

function pickAmounts(values: Partial<Record<string, number>> | undefined, keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, values?.[key] ?? null]));
}

function scaled(value: number | null | undefined, scale: number): number | null {
  return value === null || value === undefined ? null : value * scale;
}

function ChartFigure({
  title,
  keys,
  data,
  language,
  format,
  children,
}: {
  title: string;
  keys: string[];
  data: Array<Record<string, string | number | null>>;
  language: Language;
  format(value: number): string;
  children: React.ReactElement;
}) {
  const { t } = useI18n();
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          {children}
        </ResponsiveContainer>
      </div>
      <details className="chart__data">
        <summary>{t("analysis.chartData")}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("analysis.period")}</th>
              {keys.map((key) => (
                <th key={key} scope="col" className="num">
                  {labelOf(key, language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={String(row.period)}>
                <th scope="row">{row.period}</th>
                {keys.map((key) => {
                  const value = row[key];
                  return (
                    <td key={key} className="num">
                      {typeof value === "number" ? format(value) : "–"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
