"use client";

import { warningText } from "@finstat/functions/analysis/warning-text";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { changedRatios, latestPeriod } from "../../lib/analysis/ratio-view";
import { api, unwrap } from "../../lib/api/client";
import type { DocumentAnalysis, StatementView } from "../../lib/api/types";
import { useCurrentDocument } from "../../lib/documents/document-context";
import { formatNumber, formatPeriod, formatRatioValue, labelOf } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { type CellAddress, displayDecimals, printedValue } from "../../lib/review/statement-model";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";
import { DocumentHistory } from "./document-history";
import { EntityMismatch } from "./entity-mismatch";
import { PageViewer } from "./page-viewer";
import { RatioStrip } from "./ratio-strip";
import { ReviewPeople } from "./review-people";
import { ReviewedButton } from "./reviewed-button";
import { type SavedCorrection, SavedToast } from "./saved-toast";
import { StatementTable } from "./statement-table";
import { ValueInspector } from "./value-inspector";

type Ratios = DocumentAnalysis["ratios"];

export function ReviewScreen() {
  const { t, language } = useI18n();
  const { document, company, setDocument } = useCurrentDocument();
  const [statements, setStatements] = useState<StatementView[] | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [pagesRead, setPagesRead] = useState<number[] | undefined>(undefined);
  const [ratios, setRatios] = useState<Ratios | null>(null);
  const [previousRatios, setPreviousRatios] = useState<Ratios | null>(null);
  const [selected, setSelected] = useState<CellAddress | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<SavedCorrection | null>(null);
  const loadedFor = useRef<string | null>(null);
  /** Counts this screen's own changes to values and currencies, so the history is read again. */
  const [changes, setChanges] = useState(0);
  // Controls follow what the access policy lets the caller do here, as the API reports it.
  const canCorrect = document.permissions.includes("correct");
  const canMarkReviewed = document.permissions.includes("mark_reviewed");

  const loadStatements = useCallback(async () => {
    const body = await unwrap(api().documents[":id"].statements.$get({ param: { id: document.id } }));
    setStatements(body.statements);
    setWarnings(body.warnings);
    setPagesRead(body.statementPages);
    return body.statements;
  }, [document.id]);

  useEffect(() => {
    if (loadedFor.current === document.id) return;
    loadedFor.current = document.id;
    setError(null);
    Promise.all([
      loadStatements(),
      unwrap(api().documents[":id"].analysis.$get({ param: { id: document.id } })),
    ])
      .then(([loaded, body]) => {
        setRatios(body.analysis.ratios);
        const first = loaded.flatMap((s) => s.items).find((item) => item.page);
        if (first) setPage(first.page);
      })
      .catch(setError);
  }, [document.id, loadStatements]);

  const select = useCallback(
    (cell: CellAddress) => {
      setSelected(cell);
      const item = statements?.find((s) => s.id === cell.statementId)?.items[cell.itemIndex];
      if (item?.page) setPage(item.page);
    },
    [statements],
  );

  const correct = useCallback(
    async (cell: CellAddress, value: number) => {
      setSaveError(null);
      try {
        const result = await unwrap(
          api().documents[":id"].statements[":statementId"].values.$patch({
            param: { id: document.id, statementId: cell.statementId },
            json: { itemIndex: cell.itemIndex, period: cell.period, value },
          }),
        );
        setStatements(
          (current) => current?.map((s) => (s.id === result.statement.id ? result.statement : s)) ?? current,
        );
        setPreviousRatios(ratios);
        setRatios(result.analysis.ratios);
        // The header's status follows the correction: "needs review" may now be resolved.
        unwrap(api().documents[":id"].$get({ param: { id: document.id } }))
          .then((body) => setDocument(body.document))
          .catch(setSaveError);
        const failed = result.statement.checks.filter((check) => !check.ok).length;
        const unit = result.statement.unit;
        const decimals = displayDecimals(result.statement);
        const show = (v: number | null) =>
          v === null ? "–" : formatNumber(printedValue(v, unit) ?? 0, language, decimals);
        const period = latestPeriod(result.analysis.ratios);
        const moved = period ? [...changedRatios(ratios, result.analysis.ratios, period)] : [];
        const ratioText = moved
          .slice(0, 3)
          .map(([key, before]) => {
            const after = result.analysis.ratios.find((r) => r.key === key && r.period === period);
            return `${labelOf(key, language)} ${formatRatioValue(before, after?.unit, language)} → ${formatRatioValue(after?.value, after?.unit, language)}`;
          })
          .join(" · ");
        setSaved({
          id: Date.now(),
          text: t("review.saved", {
            label: result.change.label ?? "",
            period: formatPeriod(cell.period, language),
            old: show(result.change.oldValue),
            new: show(result.change.newValue),
            passed: result.statement.checks.length - failed,
            total: result.statement.checks.length,
          }),
          ratios:
            moved.length === 0
              ? t("review.ratiosUnchanged")
              : moved.length > 3
                ? t("review.ratiosMore", { list: ratioText, count: moved.length - 3 })
                : ratioText,
        });
        // A correction can change checks across statements (assets = liabilities + equity ...).
        void loadStatements().catch(() => {});
        setChanges((count) => count + 1);
        return true;
      } catch (caught) {
        setSaveError(caught);
        return false;
      }
    },
    [document.id, ratios, language, t, loadStatements, setDocument],
  );

  const selection = useMemo(() => {
    if (!selected || !statements) return null;
    const statement = statements.find((s) => s.id === selected.statementId);
    const item = statement?.items[selected.itemIndex];
    return statement && item ? { statement, item, period: selected.period } : null;
  }, [selected, statements]);

  const statementPages = useMemo(
    () => new Set(statements?.flatMap((s) => s.pages ?? s.items.map((i) => i.page)) ?? []),
    [statements],
  );

  if (error) return <ErrorMessage error={error} />;
  if (!statements || !ratios) return <Loading />;

  const highlight =
    selection && selection.item.page === page
      ? { value: selection.item.valueBoxes?.[selection.period], label: selection.item.labelBox }
      : null;

  return (
    <div className="review">
      <section className="review__page" aria-label={t("review.pageRegion")}>
        <ValueInspector
          selection={selection}
          onUseCandidate={
            canCorrect ? (value) => (selected ? correct(selected, value) : Promise.resolve(false)) : undefined
          }
        />
        <PageViewer
          documentId={document.id}
          pageCount={document.pages ?? 1}
          pagesRead={pagesRead}
          page={page}
          onPage={setPage}
          highlight={highlight}
          statementPages={statementPages}
        />
      </section>
      <section className="review__data" aria-label={t("review.dataRegion")}>
        <div className="review__toolbar">
          <p className="review__help">{t(canCorrect ? "review.help" : "review.readOnlyHelp")}</p>
          {canMarkReviewed && <ReviewedButton />}
        </div>
        <ReviewPeople />
        <SavedToast saved={saved} onClose={() => setSaved(null)} />
        <ErrorMessage error={saveError} />
        <EntityMismatch statements={statements} companyName={company?.name} />
        {warnings.length > 0 && (
          <ul className="notice notice--info warnings">
            {warnings.map((warning) => (
              <li key={warning} data-warning={warning}>
                {warningText(warning, language)}
              </li>
            ))}
          </ul>
        )}
        <RatioStrip ratios={ratios} previous={previousRatios} />
        {statements.length === 0 && <p className="empty">{t("review.noStatements")}</p>}
        {statements.map((statement) => (
          <StatementTable
            key={statement.id}
            statement={statement}
            selected={selected}
            onSelect={select}
            onCorrect={canCorrect ? correct : undefined}
            onChanged={(changed) => {
              setStatements((current) => current?.map((s) => (s.id === changed.id ? changed : s)) ?? current);
              setChanges((count) => count + 1);
            }}
          />
        ))}
        <DocumentHistory
          documentId={document.id}
          revision={`${changes}:${document.reviewedAt ?? ""}:${document.assignedTo?.id ?? ""}`}
        />
      </section>
    </div>
  );
}
