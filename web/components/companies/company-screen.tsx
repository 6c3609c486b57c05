"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { Company, DocumentList, DocumentProgress, DocumentView } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";
import { useDocumentTitle } from "../../lib/i18n/use-document-title";
import { useLiveDocuments } from "../../lib/upload/use-live-documents";
import { DocumentTable } from "../documents/document-table";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";
import { UploadArea } from "../upload/upload-area";

const PAGE_SIZE = 20;

export function CompanyScreen({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const [company, setCompany] = useState<Company | null>(null);
  const [list, setList] = useState<DocumentList | null>(null);
  const [page, setPage] = useState(1);
  const [attentionOnly, setAttentionOnly] = useState(false);
  const [mineOnly, setMineOnly] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(company?.name);

  const loadDocuments = useCallback(async () => {
    try {
      const query = {
        companyId,
        page: String(page),
        pageSize: String(PAGE_SIZE),
        ...(attentionOnly ? { attention: "needs_review" as const } : {}),
        ...(mineOnly ? { assignedTo: "me" as const } : {}),
      };
      setList(await unwrap(api().documents.$get({ query })));
    } catch (caught) {
      setError(caught);
    }
  }, [companyId, page, attentionOnly, mineOnly]);

  useEffect(() => {
    setError(null);
    unwrap(api().companies[":id"].$get({ param: { id: companyId } }))
      .then((body) => setCompany(body.company))
      .catch(setError);
  }, [companyId]);

  useEffect(() => {
    void loadDocuments();
  }, [loadDocuments]);

  const applyProgress = useCallback((update: DocumentProgress) => {
    // A finished document is read again: what it needs from a reviewer is known only now.
    if (update.status === "done") {
      unwrap(api().documents[":id"].$get({ param: { id: update.documentId } }))
        .then((body) => upsertRef.current(body.document))
        .catch(setError);
    }
    setList((current) =>
      current
        ? {
            ...current,
            items: current.items.map((document) =>
              document.id === update.documentId
                ? {
                    ...document,
                    // "done" shows once the document is read again, never as "ready" before it is known.
                    status: update.status === "done" ? document.status : update.status,
                    stage: update.stage,
                    progress: update.progress,
                    errorCode: update.errorCode,
                    errorMessage: update.errorMessage,
                    pages: update.pages,
                  }
                : document,
            ),
          }
        : current,
    );
  }, []);

  const upsert = useCallback((document: DocumentView) => {
    setList((current) => {
      if (!current) return current;
      const exists = current.items.some((item) => item.id === document.id);
      return exists
        ? { ...current, items: current.items.map((item) => (item.id === document.id ? document : item)) }
        : { ...current, items: [document, ...current.items], total: current.total + 1 };
    });
  }, []);

  const upsertRef = useRef(upsert);
  upsertRef.current = upsert;

  const remove = useCallback((documentId: string) => {
    setList((current) =>
      current
        ? {
            ...current,
            items: current.items.filter((item) => item.id !== documentId),
            total: current.total - 1,
          }
        : current,
    );
  }, []);

  useLiveDocuments(list?.items ?? [], applyProgress, () => void loadDocuments());

  if (error && !company) return <ErrorMessage error={error} />;
  if (!company) return <Loading />;

  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;
  return (
    <div className="page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link href="/companies">{t("nav.companies")}</Link> <span aria-hidden="true">›</span>{" "}
        <span>{company.name}</span>
      </nav>
      <header className="page__header page__header--row">
        <div>
          <h1>{company.name}</h1>
          <p className="meta">
            {company.taxId && (
              <span>
                {t("companies.taxId")}: <span className="mono">{company.taxId}</span>
              </span>
            )}
            {company.sector && <span>{company.sector}</span>}
            <span>{company.currency}</span>
          </p>
        </div>
        <Link className="button button--secondary" href={`/companies/${company.id}/analysis`}>
          {t("company.analysisLink")}
        </Link>
      </header>

      {company.permissions.includes("upload") && (
        <section aria-labelledby="upload-title" className="panel">
          <h2 id="upload-title">{t("upload.title")}</h2>
          <UploadArea companyId={company.id} onUploaded={upsert} />
        </section>
      )}

      <section aria-labelledby="documents-title" className="panel">
        <div className="panel__header">
          <h2 id="documents-title">{t("documents.title")}</h2>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={attentionOnly}
              onChange={(event) => {
                setAttentionOnly(event.target.checked);
                setPage(1);
              }}
            />{" "}
            {t("documents.filterAttention")}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={mineOnly}
              onChange={(event) => {
                setMineOnly(event.target.checked);
                setPage(1);
              }}
            />{" "}
            {t("documents.filterAssignedToMe")}
          </label>
        </div>
        <ErrorMessage error={error} onRetry={loadDocuments} />
        {!list && <Loading />}
        {list && list.items.length === 0 && (
          <p className="empty">{t(attentionOnly ? "documents.emptyAttention" : "documents.empty")}</p>
        )}
        {list && list.items.length > 0 && (
          <DocumentTable
            documents={list.items}
            permissions={company.permissions}
            onChanged={upsert}
            onDeleted={remove}
          />
        )}
        {list && pages > 1 && (
          <nav className="pager" aria-label={t("documents.pages")}>
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={page <= 1}
              onClick={() => setPage(page - 1)}
            >
              {t("action.previous")}
            </button>
            <span>{t("documents.pageOf", { page, pages })}</span>
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={page >= pages}
              onClick={() => setPage(page + 1)}
            >
              {t("action.next")}
            </button>
          </nav>
        )}
      </section>
    </div>
  );
}
