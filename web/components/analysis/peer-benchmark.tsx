"use client";

import type { PeerReport } from "@finstat/functions/analysis/types";
import { formatPeriod, formatRatioValue, labelOf } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";

/** Where the company sits among the owner's other companies of its sector, ratio by ratio. */
export function PeerBenchmark({ peers }: { peers: PeerReport }) {
  const { t, language } = useI18n();
  const rows = peers.benchmarks.filter((b) => b.status === "ok");
  return (
    <section aria-labelledby="peers-title" className="panel">
      <h2 id="peers-title">{t("analysis.peersTitle")}</h2>
      <p className="meta">
        {t("analysis.peersLead", {
          sector: peers.sector ?? "–",
          count: peers.peerCompanies,
          period: peers.period ? formatPeriod(peers.period, language) : "–",
        })}
      </p>
      {peers.status !== "ok" || rows.length === 0 ? (
        <p className="empty">{t("analysis.peersInsufficient", { min: peers.minPeers })}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("analysis.ratio")}</th>
                <th scope="col" className="num">
                  {t("analysis.company")}
                </th>
                <th scope="col" className="num">
                  {t("analysis.p25")}
                </th>
                <th scope="col" className="num">
                  {t("analysis.median")}
                </th>
                <th scope="col" className="num">
                  {t("analysis.p75")}
                </th>
                <th scope="col">{t("analysis.position")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{labelOf(row.key, language)}</th>
                  <td className="num strong">{formatRatioValue(row.value, row.unit, language)}</td>
                  <td className="num">{formatRatioValue(row.p25, row.unit, language)}</td>
                  <td className="num">{formatRatioValue(row.median, row.unit, language)}</td>
                  <td className="num">{formatRatioValue(row.p75, row.unit, language)}</td>
                  <td>
                    {row.position ? (
                      <span className={`badge badge--${row.position}`}>{t(`position.${row.position}`)}</span>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
