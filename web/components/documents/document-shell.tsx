"use client";

import { retryCanHelp } from "@finstat/functions/pipeline/pdf/file-faults";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { Company, DocumentDetail, DocumentProgress } from "../../lib/api/types";
import { DocumentContext } from "../../lib/documents/document-context";
import { formatDateTime } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { useDocumentTitle } from "../../lib/i18n/use-document-title";
import { useLiveDocuments } from "../../lib/upload/use-live-documents";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";
import { StatusBadge } from "../ui/status-badge";
import { ProcessingState } from "./processing-state";

export function DocumentShell({ documentId, children }: { documentId: string; children: ReactNode }) {
  const { t, language } = useI18n();
  const pathname = usePathname();
  const [document, setDocument] = useState<DocumentDetail | null>(null);
  const [company, setCompany] = useState<Company | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(document?.fileName);

  const load = useCallback(async () => {
    setError(null);
    try {
      const loaded = (await unwrap(api().documents[":id"].$get({ param: { id: documentId } }))).document;
      setDocument(loaded);
      const owner = await unwrap(api().companies[":id"].$get({ param: { id: loaded.companyId } }));
      setCompany(owner.company);
    } catch (caught) {
      setError(caught);
    }
  }, [documentId]);

  useEffect(() => {
    void load();
  }, [load]);

  const applyProgress = useCallback(
    (update: DocumentProgress) => {
      setDocument((current) =>
        current && current.id === update.documentId ? { ...current, ...pick(update) } : current,
      );
      if (update.status === "done") void load();
    },
    [load],
  );
  useLiveDocuments(document ? [document] : [], applyProgress, () => void load());

  const context = useMemo(() => (document ? { document, company, setDocument } : null), [document, company]);

  if (error && !document) return <ErrorMessage error={error} onRetry={load} />;
  if (!document || !context) return <Loading />;

  const base = `/documents/${document.id}`;
  const tabs = [
    { href: base, label: t("document.tab.review") },
    { href: `${base}/analysis`, label: t("document.tab.analysis") },
    { href: `${base}/reports`, label: t("document.tab.reports") },
  ];

  return (
    <DocumentContext.Provider value={context}>
      <div className="page page--wide">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link href="/companies">{t("nav.companies")}</Link> <span aria-hidden="true">›</span>{" "}
          {company ? <Link href={`/companies/${company.id}`}>{company.name}</Link> : <span>…</span>}{" "}
          <span aria-hidden="true">›</span> <span>{document.fileName}</span>
        </nav>
        <header className="page__header page__header--row document-header">
          <div>
            <h1 className="document-header__title">{document.fileName}</h1>
            <p className="meta">
              <StatusBadge document={document} />
              {document.pages !== null && <span>{t("document.pageCount", { count: document.pages })}</span>}
              {document.processedAt && (
                <span>
                  {t("document.processedAt", { when: formatDateTime(document.processedAt, language) })}
                </span>
              )}
              {document.reviewedAt && (
                <span>
                  {t("document.reviewedAt", { when: formatDateTime(document.reviewedAt, language) })}
                </span>
              )}
            </p>
          </div>
        </header>
        {document.status === "done" ? (
          <>
            <nav className="tabs" aria-label={t("document.tabsLabel")}>
              {tabs.map((tab) => (
                <Link
                  key={tab.href}
                  href={tab.href}
                  className="tabs__tab"
                  aria-current={pathname === tab.href ? "page" : undefined}
                >
                  {tab.label}
                </Link>
              ))}
            </nav>
            {children}
          </>
        ) : (
          <section className="panel" aria-live="polite">
            <h2>{t(document.status === "failed" ? "document.failedTitle" : "document.notReadyTitle")}</h2>
            <ProcessingState document={document} />
            {document.status === "failed" &&
              retryCanHelp(document.errorCode) &&
              document.permissions.includes("upload") && (
                <RetryButton documentId={document.id} onRetried={() => void load()} />
              )}
          </section>
        )}
      </div>
    </DocumentContext.Provider>
  );
}

function pick(update: DocumentProgress): Partial<DocumentDetail> {
  const { status, stage, progress, errorCode, errorMessage, pages } = update;
  return { status, stage, progress, errorCode, errorMessage, pages };
}

function RetryButton({ documentId, onRetried }: { documentId: string; onRetried(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <ErrorMessage error={error} />
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await unwrap(api().documents[":id"].retry.$post({ param: { id: documentId } }));
            // The retried document is read again whole: with what the caller may do on it.
            onRetried();
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("action.retry")}
      </button>
    </>
  );
}
