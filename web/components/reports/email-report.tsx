"use client";

import { type FormEvent, useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { EmailSent } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";
import type { Language } from "../../lib/i18n/languages";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function splitRecipients(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}

export function EmailReport({ documentId, language }: { documentId: string; language: Language }) {
  const { t } = useI18n();
  const [recipients, setRecipients] = useState("");
  const [message, setMessage] = useState("");
  const [formats, setFormats] = useState({ xlsx: true, pdf: true });
  const [recipientError, setRecipientError] = useState<string | null>(null);
  const [state, setState] = useState<
    { step: "idle" | "sending" } | { step: "sent"; result: EmailSent } | { step: "failed"; error: unknown }
  >({
    step: "idle",
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const addresses = splitRecipients(recipients);
    const invalid = addresses.filter((address) => !EMAIL.test(address));
    if (addresses.length === 0) return setRecipientError(t("reports.recipientsRequired"));
    if (invalid.length > 0)
      return setRecipientError(t("reports.recipientsInvalid", { list: invalid.join(", ") }));
    const chosen = (["xlsx", "pdf"] as const).filter((format) => formats[format]);
    if (chosen.length === 0) return setRecipientError(t("reports.formatRequired"));
    setRecipientError(null);
    setState({ step: "sending" });
    try {
      const result = await unwrap(
        api().documents[":id"].email.$post({
          param: { id: documentId },
          json: { recipients: addresses, message: message.trim() || undefined, language, formats: chosen },
        }),
      );
      setState({ step: "sent", result });
    } catch (error) {
      setState({ step: "failed", error });
    }
  };

  return (
    <section className="panel" aria-labelledby="email-title">
      <h2 id="email-title">{t("reports.emailTitle")}</h2>
      <form className="stack" onSubmit={submit}>
        <Field
          id="email-recipients"
          label={t("reports.recipients")}
          hint={t("reports.recipientsHint")}
          error={recipientError}
        >
          {(describedBy, invalid) => (
            <input
              id="email-recipients"
              type="text"
              inputMode="email"
              autoComplete="email"
              value={recipients}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => setRecipients(event.target.value)}
            />
          )}
        </Field>
        <Field id="email-message" label={t("reports.message")} hint={t("reports.messageHint")}>
          {(describedBy) => (
            <textarea
              id="email-message"
              rows={4}
              maxLength={2000}
              value={message}
              aria-describedby={describedBy}
              onChange={(event) => setMessage(event.target.value)}
            />
          )}
        </Field>
        <fieldset className="choices">
          <legend>{t("reports.attach")}</legend>
          {(["xlsx", "pdf"] as const).map((format) => (
            <label key={format} className="choice">
              <input
                type="checkbox"
                checked={formats[format]}
                onChange={(event) =>
                  setFormats((current) => ({ ...current, [format]: event.target.checked }))
                }
              />
              {format === "xlsx" ? "Excel" : "PDF"}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={state.step === "sending"}>
          {state.step === "sending" ? t("reports.sending") : t("reports.send")}
        </button>
      </form>
      <div role="status" aria-live="polite" className="email-status" data-testid="email-status">
        {state.step === "sending" && <p className="notice notice--info">{t("reports.sending")}</p>}
        {state.step === "sent" && (
          <p
            className={`notice ${state.result.delivery === "relayed" ? "notice--success" : "notice--info"}`}
            data-delivery={state.result.delivery}
          >
            {/* Only a mail server's acceptance is "sent"; the outbox keeps the mail on this machine. */}
            {t(state.result.delivery === "relayed" ? "reports.sent" : "reports.savedLocally", {
              recipients: state.result.recipients.join(", "),
            })}
            <span className="notice__meta">{t("reports.messageId", { id: state.result.messageId })}</span>
          </p>
        )}
      </div>
      {state.step === "failed" && <ErrorMessage error={state.error} />}
    </section>
  );
}
