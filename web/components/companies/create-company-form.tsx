"use client";

import { isValidTaxId } from "@finstat/functions/use-cases/tax-id";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { Company } from "../../lib/api/types";
import { useSubmission } from "../../lib/forms/use-submission";
import { currencyOptions } from "../../lib/i18n/currencies";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

export function CreateCompanyForm({ onCreated }: { onCreated(company: Company): void }) {
  const { t, language } = useI18n();
  const router = useRouter();
  const [name, setName] = useState("");
  const [taxId, setTaxId] = useState("");
  const [sector, setSector] = useState("");
  const [currency, setCurrency] = useState<string>("TRY");
  const [taxIdError, setTaxIdError] = useState<string | null>(null);
  const { busy, error, submitWith } = useSubmission();

  /** The same rule the API applies, checked before sending so a typo is caught at once. */
  const checkTaxId = (value: string): string | null => {
    const digits = value.trim();
    if (digits === "") return null;
    if (!/^(\d{10}|\d{11})$/.test(digits)) return t("companies.taxIdShape");
    if (!isValidTaxId(digits)) return t("companies.taxIdChecksum");
    return null;
  };

  const send = submitWith(async () => {
    const { company } = await unwrap(
      api().companies.$post({
        json: { name: name.trim(), taxId: taxId.trim() || null, sector: sector.trim() || null, currency },
      }),
    );
    onCreated(company);
    router.push(`/companies/${company.id}`);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkTaxId(taxId);
    setTaxIdError(problem);
    if (!problem) void send(event);
  };

  return (
    <form onSubmit={submit} className="stack">
      <Field id="company-name" label={t("companies.name")}>
        {(describedBy) => (
          <input
            id="company-name"
            required
            maxLength={200}
            value={name}
            aria-describedby={describedBy}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="company-tax-id"
        label={t("companies.taxId")}
        hint={t("companies.taxIdHint")}
        error={taxIdError}
      >
        {(describedBy, invalid) => (
          <input
            id="company-tax-id"
            inputMode="numeric"
            autoComplete="off"
            maxLength={11}
            value={taxId}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => {
              const digits = e.target.value.replace(/\D/g, "");
              setTaxId(digits);
              // Cleared while typing, not on blur: a message vanishing under the pointer would
              // move the submit button away from a click that is already under way.
              if (taxIdError) setTaxIdError(checkTaxId(digits));
            }}
            onBlur={() => setTaxIdError(checkTaxId(taxId))}
          />
        )}
      </Field>
      <Field id="company-sector" label={t("companies.sector")} hint={t("companies.sectorHint")}>
        {(describedBy) => (
          <input
            id="company-sector"
            maxLength={100}
            list="sector-suggestions"
            value={sector}
            aria-describedby={describedBy}
            onChange={(e) => setSector(e.target.value)}
          />
        )}
      </Field>
      <datalist id="sector-suggestions">
        {["manufacturing", "retail", "construction", "services", "technology", "energy", "food"].map(
          (key) => (
            <option key={key} value={t(`sector.${key}` as Parameters<typeof t>[0])} />
          ),
        )}
      </datalist>
      <Field id="company-currency" label={t("companies.currency")}>
        {(describedBy) => (
          <select
            id="company-currency"
            value={currency}
            aria-describedby={describedBy}
            onChange={(e) => setCurrency(e.target.value)}
          >
            {currencyOptions(language).map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("common.pleaseWait") : t("companies.createAction")}
      </button>
    </form>
  );
}
