"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { Company, CompanyAnalysis } from "../../lib/api/types";
import { formatPercent, formatPeriod, labelOf } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { useDocumentTitle } from "../../lib/i18n/use-document-title";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";
import { AnalysisView } from "./analysis-view";

export function CompanyAnalysisScreen({ companyId }: { companyId: string }) {
  const { t, language } = useI18n();
  const [company, setCompany] = useState<Company | null>(null);
  const [analysis, setAnalysis] = useState<CompanyAnalysis | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(company ? t("analysis.companyTitle", { name: company.name }) : undefined);

  useEffect(() => {
    Promise.all([
      unwrap(api().companies[":id"].$get({ param: { id: companyId } })),
      unwrap(api().companies[":id"].analysis.$get({ param: { id: companyId } })),
    ])
      .then(([c, a]) => {
        setCompany(c.company);
        setAnalysis(a.analysis);
      })
      .catch(setError);
  }, [companyId]);

  if (error) return <ErrorMessage error={error} />;
  if (!company || !analysis) return <Loading />;

  const periods = analysis.timeline.periods;
  const trend = {
    periods: periods.map((p) => p.period),
    amounts: Object.fromEntries(periods.map((p) => [p.period, p.values as Record<string, number>])),
    ratios: analysis.ratios,
  };

  return (
    <div className="page page--wide">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link href="/companies">{t("nav.companies")}</Link> <span aria-hidden="true">›</span>{" "}
        <Link href={`/companies/${company.id}`}>{company.name}</Link> <span aria-hidden="true">›</span>{" "}
        <span>{t("company.analysisLink")}</span>
      </nav>
      <header className="page__header">
        <h1>{t("analysis.companyTitle", { name: company.name })}</h1>
        <p className="meta">
          {t("analysis.companyLead", { documents: analysis.documents, periods: periods.length })}
        </p>
      </header>
      {analysis.documents === 0 ? (
        <p className="empty panel">{t("analysis.noDocuments")}</p>
      ) : (
        <AnalysisView
          ratios={analysis.ratios}
          alerts={analysis.alerts}
          comparison={analysis.comparison}
          trend={trend}
          peers={analysis.peers}
          extra={
            <section aria-labelledby="growth-title" className="panel">
              <h2 id="growth-title">{t("analysis.growthTitle")}</h2>
              {!analysis.trends.sufficient ? (
                <p className="empty">{t("analysis.growthInsufficient")}</p>
              ) : (
                <ul className="growth">
                  {analysis.trends.cagr.map((row) => (
                    <li key={row.key}>
                      <strong>{labelOf(row.key, language)}</strong>{" "}
                      {row.cagrPercent === null
                        ? "–"
                        : t("analysis.cagr", {
                            value: formatPercent(row.cagrPercent, language),
                            from: row.fromPeriod ? formatPeriod(row.fromPeriod, language) : "",
                            to: row.toPeriod ? formatPeriod(row.toPeriod, language) : "",
                          })}
                    </li>
                  ))}
                </ul>
              )}
              {analysis.timeline.conflicts.length > 0 && (
                <p className="notice notice--info">
                  {t("analysis.conflicts", { count: analysis.timeline.conflicts.length })}
                </p>
              )}
            </section>
          }
        />
      )}
    </div>
  );
}
