"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { Company } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";
import { useDocumentTitle } from "../../lib/i18n/use-document-title";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";
import { CreateCompanyForm } from "./create-company-form";

export function CompaniesScreen() {
  const { t } = useI18n();
  useDocumentTitle(t("companies.title"));
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setCompanies((await unwrap(api().companies.$get())).companies);
    } catch (caught) {
      setError(caught);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t("companies.title")}</h1>
        <p className="lead">{t("companies.lead")}</p>
      </header>
      <div className="split">
        <section aria-labelledby="company-list-title" className="panel">
          <h2 id="company-list-title">{t("companies.listTitle")}</h2>
          <ErrorMessage error={error} onRetry={load} />
          {companies === null && !error && <Loading />}
          {companies?.length === 0 && <p className="empty">{t("companies.empty")}</p>}
          {companies && companies.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("companies.name")}</th>
                  <th scope="col">{t("companies.taxId")}</th>
                  <th scope="col">{t("companies.sector")}</th>
                  <th scope="col">{t("companies.currency")}</th>
                </tr>
              </thead>
              <tbody>
                {companies.map((company) => (
                  <tr key={company.id}>
                    <th scope="row">
                      <Link href={`/companies/${company.id}`}>{company.name}</Link>
                    </th>
                    <td className="mono">{company.taxId ?? "–"}</td>
                    <td>{company.sector ?? "–"}</td>
                    <td>{company.currency}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="company-create-title" className="panel">
          <h2 id="company-create-title">{t("companies.createTitle")}</h2>
          <CreateCompanyForm
            onCreated={(company) =>
              setCompanies((current) =>
                [...(current ?? []), company].sort((a, b) => a.name.localeCompare(b.name)),
              )
            }
          />
        </section>
      </div>
    </div>
  );
}
