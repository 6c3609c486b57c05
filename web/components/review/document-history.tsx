"use client";

import { useCallback, useEffect, useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { HistoryEntry } from "../../lib/api/types";
import { formatDateTime } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { historyActor, historySentence } from "../../lib/review/history-text";
import { ErrorMessage } from "../ui/error-message";

const PAGE_SIZE = 20;

/**
 * Who changed what on the document, newest first. `revision` changes whenever this screen
 * changed something (a correction, a review, an assignment), so the list is read again.
 */
export function DocumentHistory({ documentId, revision }: { documentId: string; revision: string }) {
  const { t, language } = useI18n();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (page: number) => {
      const body = await unwrap(
        api().documents[":id"].history.$get({
          param: { id: documentId },
          query: { page: String(page), pageSize: String(PAGE_SIZE) },
        }),
      );
      setTotal(body.total);
      setEntries((current) => (page === 1 ? body.entries : [...(current ?? []), ...body.entries]));
    },
    [documentId],
  );

  useEffect(() => {
    // Read again after each change this screen made; `revision` names the change.
    void revision;
    load(1).catch(setError);
  }, [load, revision]);

  return (
    <section className="panel document-history" aria-labelledby="history-title">
      <h2 id="history-title">{t("history.title")}</h2>
      <ErrorMessage error={error} />
      {entries && entries.length === 0 && <p className="empty">{t("history.empty")}</p>}
      {entries && entries.length > 0 && (
        <ol className="document-history__list">
          {entries.map((entry) => (
            <li key={entry.id} data-action={entry.action}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>{" "}
              <strong>{historyActor(entry, t)}</strong> {historySentence(entry, t, language)}
            </li>
          ))}
        </ol>
      )}
      {entries && entries.length < total && (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => load(Math.floor(entries.length / PAGE_SIZE) + 1).catch(setError)}
        >
          {t("history.older")}
        </button>
      )}
    </section>
  );
}
