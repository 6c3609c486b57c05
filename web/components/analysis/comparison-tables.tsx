"use client";

import { changeTone, rowAsRead, toneOfChange } from "@finstat/functions/analysis/change-tone";
import type { ComparisonRow, RatioUnit } from "@finstat/functions/analysis/types";
import { sortPeriods } from "../../lib/analysis/ratio-view";
import {
  formatAmount,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatRatioValue,
  labelOf,
} from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";

/** Horizontal (period over period) and vertical (common-size) analysis of the line items, and ratio changes. */
export function ComparisonTables({
  comparison: allRows,
  ratioUnits,
}: {
  comparison: ComparisonRow[];
  ratioUnits: Map<string, RatioUnit | undefined>;
}) {
  const { t, language } = useI18n();
  // A company with several years compares each year with the one before: show the latest pair.
  const latest = sortPeriods(allRows.map((row) => row.period)).at(-1);
  const latestBase = allRows.find((row) => row.period === latest)?.basePeriod;
  const comparison = allRows
    .filter((row) => row.period === latest && row.basePeriod === latestBase)
    .map(rowAsRead);
  const items = comparison.filter((row) => row.kind === "item");
  const ratios = comparison.filter((row) => row.kind === "ratio");
  if (comparison.length === 0) {
    return (
      <section className="panel" aria-labelledby="comparison-title">
        <h2 id="comparison-title">{t("analysis.comparisonTitle")}</h2>
        <p className="empty">{t("analysis.noComparison")}</p>
      </section>
    );
  }
  const first = comparison[0]!;
  const basePeriod = formatPeriod(first.basePeriod, language);
  const period = formatPeriod(first.period, language);
  const amount = (v: number | null) => (v === null ? "–" : formatAmount(v, language, 0));
  const percent = (v: number | null | undefined) =>
    v === null || v === undefined ? "–" : formatPercent(v, language);
  const share = (v: number | null | undefined) =>
    v === null || v === undefined ? "–" : formatPercent(v * 100, language);
  const statements = ["balance_sheet", "income_statement"] as const;
  const real = items.some((row) => row.realChangePercent !== undefined);
  const prices = items.find((row) => row.prices)?.prices;

  return (
    <>
      <section className="panel" aria-labelledby="comparison-title">
        <h2 id="comparison-title">{t("analysis.comparisonTitle")}</h2>
        {prices && (
          <p className="meta" data-testid="price-basis">
            {t(prices === "restated" ? "analysis.pricesRestated" : "analysis.pricesNominal")}
          </p>
        )}
        {statements.map((statement) => {
          const rows = items.filter((row) => row.statement === statement);
          if (rows.length === 0) return null;
          return (
            <div className="table-scroll" key={statement}>
              <table className="table comparison-table">
                <caption>{t(`statement.${statement}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("analysis.item")}</th>
                    <th scope="col" className="num">
                      {basePeriod}
                    </th>
                    <th scope="col" className="num">
                      {period}
                    </th>
                    <th scope="col" className="num">
                      {t("analysis.change")}
                    </th>
                    <th scope="col" className="num">
                      {t("analysis.changePercent")}
                    </th>
                    {real && (
                      <th scope="col" className="num">
                        {t("analysis.realChangePercent")}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{labelOf(row.key, language)}</th>
                      <td className="num">{amount(row.base)}</td>
                      <td className="num">{amount(row.value)}</td>
                      <td className={`num ${changeTone(row)}`}>{amount(row.change)}</td>
                      <td className={`num ${changeTone(row)}`}>{percent(row.changePercent)}</td>
                      {real && (
                        <td
                          className={`num ${row.realChangePercent ? toneOfChange(row.key, row.realChangePercent) : ""}`}
                        >
                          {percent(row.realChangePercent)}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>
      <section className="panel" aria-labelledby="vertical-title">
        <h2 id="vertical-title">{t("analysis.verticalTitle")}</h2>
        <p className="meta">{t("analysis.verticalLead")}</p>
        {statements.map((statement) => {
          const rows = items.filter(
            (row) => row.statement === statement && (row.vertical != null || row.verticalBase != null),
          );
          if (rows.length === 0) return null;
          return (
            <div className="table-scroll" key={statement}>
              <table className="table vertical-table">
                <caption>
                  {t(statement === "balance_sheet" ? "analysis.verticalAssets" : "analysis.verticalRevenue")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("analysis.item")}</th>
                    <th scope="col" className="num">
                      {basePeriod}
                    </th>
                    <th scope="col" className="num">
                      {period}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t("analysis.shareBar")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{labelOf(row.key, language)}</th>
                      <td className="num">{share(row.verticalBase)}</td>
                      <td className="num">{share(row.vertical)}</td>
                      <td className="share-cell" aria-hidden="true">
                        <span
                          className="share-bar"
                          style={{ width: `${Math.min(100, Math.abs(row.vertical ?? 0) * 100)}%` }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>
      {ratios.length > 0 && (
        <section className="panel" aria-labelledby="ratio-comparison-title">
          <h2 id="ratio-comparison-title">{t("analysis.ratioComparisonTitle")}</h2>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("analysis.ratio")}</th>
                  <th scope="col" className="num">
                    {basePeriod}
                  </th>
                  <th scope="col" className="num">
                    {period}
                  </th>
                  <th scope="col" className="num">
                    {t("analysis.change")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ratios.map((row) => {
                  const unit = ratioUnits.get(row.key);
                  const change =
                    row.changePoints !== undefined && row.changePoints !== null
                      ? t("analysis.points", { value: formatNumber(row.changePoints, language, 1) })
                      : percent(row.changePercent);
                  return (
                    <tr key={row.key}>
                      <th scope="row">
                        {labelOf(row.key, language)}
                        {row.basisChanged && (
                          <span
                            className="basis-mark"
                            title={t("analysis.basisChanged")}
                            data-testid="basis-changed"
                          >
                            {" †"}
                          </span>
                        )}
                      </th>
                      <td className="num">{formatRatioValue(row.base, unit, language)}</td>
                      <td className="num">{formatRatioValue(row.value, unit, language)}</td>
                      <td className={`num ${changeTone(row)}`}>{change}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {ratios.some((row) => row.basisChanged) && <p className="meta">† {t("analysis.basisChanged")}</p>}
        </section>
      )}
    </>
  );
}
