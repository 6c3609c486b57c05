"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { sortPeriods } from "../../lib/analysis/ratio-view";
import { api, unwrap } from "../../lib/api/client";
import type { DocumentAnalysis, StatementView } from "../../lib/api/types";
import { useCurrentDocument } from "../../lib/documents/document-context";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";
import { AnalysisView } from "./analysis-view";
import type { TrendInput } from "./trend-charts";

/** The periods of one document: its statements' canonical values by period. */
export function trendFromStatements(
  statements: StatementView[],
  ratios: DocumentAnalysis["ratios"],
): TrendInput {
  const amounts: TrendInput["amounts"] = {};
  for (const statement of statements) {
    for (const [key, byPeriod] of Object.entries(statement.canonical)) {
      for (const [period, value] of Object.entries(byPeriod ?? {})) {
        amounts[period] = { ...(amounts[period] ?? {}), [key]: value };
      }
    }
  }
  return { periods: sortPeriods(Object.keys(amounts)), amounts, ratios };
}

export function DocumentAnalysisScreen() {
  const { t } = useI18n();
  const { document, company } = useCurrentDocument();
  const [data, setData] = useState<{ analysis: DocumentAnalysis; statements: StatementView[] } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    Promise.all([
      unwrap(api().documents[":id"].analysis.$get({ param: { id: document.id } })),
      unwrap(api().documents[":id"].statements.$get({ param: { id: document.id } })),
    ])
      .then(([a, s]) => setData({ analysis: a.analysis, statements: s.statements }))
      .catch(setError);
  }, [document.id]);

  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      {company && (
        <p className="meta">
          <Link href={`/companies/${company.id}/analysis`}>
            {t("analysis.companyLink", { name: company.name })}
          </Link>
        </p>
      )}
      <AnalysisView
        ratios={data.analysis.ratios}
        alerts={data.analysis.alerts}
        comparison={data.analysis.comparison}
        trend={trendFromStatements(data.statements, data.analysis.ratios)}
      />
    </>
  );
}
