"use client";

import { useState } from "react";
import type { CreatedApiKey } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";

/** The secret of a key just created: the only time anyone sees it. */
export function NewSecret({ apiKey, onDismiss }: { apiKey: CreatedApiKey; onDismiss(): void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    await navigator.clipboard.writeText(apiKey.secret);
    setCopied(true);
  };

  return (
    <section className="notice notice--success" aria-labelledby="api-key-secret-title">
      <h2 id="api-key-secret-title">
        {t("apiKeys.secretTitle")}: <span data-user-text>{apiKey.name}</span>
      </h2>
      <p role="alert">{t("apiKeys.secretWarning")}</p>
      <p>
        <code className="mono" data-testid="api-key-secret" data-user-text>
          {apiKey.secret}
        </code>
      </p>
      <p className="field__hint">{t("apiKeys.usage")}</p>
      <p>
        <button type="button" className="button button--small" onClick={copy}>
          {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
        </button>{" "}
        <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
          {t("action.dismiss")}
        </button>
      </p>
    </section>
  );
}
