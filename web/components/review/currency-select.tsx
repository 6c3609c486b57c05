"use client";

import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { StatementView } from "../../lib/api/types";
import { currencyOptions } from "../../lib/i18n/currencies";
import { useI18n } from "../../lib/i18n/language";

/** "XXX" is ISO 4217's "no currency": the document did not say, and the reviewer should. */
const NOT_STATED = "XXX";

/** The statement's detected currency, which the reviewer can correct (a peso statement read as pounds). */
export function CurrencySelect({
  statement,
  onChanged,
}: {
  statement: StatementView;
  onChanged(statement: StatementView): void;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  const id = `currency-${statement.id}`;

  const change = async (currency: string) => {
    setBusy(true);
    setError(false);
    try {
      const body = await unwrap(
        api().documents[":id"].statements[":statementId"].currency.$patch({
          param: { id: statement.documentId, statementId: statement.id },
          json: { currency },
        }),
      );
      onChanged(body.statement);
    } catch {
      setError(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="currency-select">
      <label htmlFor={id}>{t("review.currency")}</label>{" "}
      <select
        id={id}
        value={statement.currency}
        disabled={busy}
        data-testid="statement-currency"
        onChange={(event) => void change(event.target.value)}
      >
        {statement.currency === NOT_STATED && (
          <option value={NOT_STATED}>{t("review.currencyNotStated")}</option>
        )}
        {currencyOptions(language).map((option) => (
          <option key={option.code} value={option.code}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="currency-select__error">
          {t("review.currencyFailed")}
        </span>
      )}
    </span>
  );
}
