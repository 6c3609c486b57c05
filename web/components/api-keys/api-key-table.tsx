"use client";

import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { ApiKeyView } from "../../lib/api/types";
import { formatDateTime } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";

export function ApiKeyTable({
  organisationId,
  keys,
  onRevoked,
}: {
  organisationId: string;
  keys: ApiKeyView[];
  onRevoked(key: ApiKeyView): void;
}) {
  const { t, language } = useI18n();
  const [error, setError] = useState<unknown>(null);

  const revoke = async (key: ApiKeyView) => {
    if (!window.confirm(t("apiKeys.confirmRevoke", { name: key.name }))) return;
    setError(null);
    try {
      const { apiKey } = await unwrap(
        api().organisations[":organisationId"]["api-keys"][":keyId"].$delete({
          param: { organisationId, keyId: key.id },
        }),
      );
      onRevoked(apiKey);
    } catch (caught) {
      setError(caught);
    }
  };

  if (keys.length === 0) return <p className="empty">{t("apiKeys.empty")}</p>;
  return (
    <>
      <ErrorMessage error={error} />
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("apiKeys.name")}</th>
              <th scope="col">{t("apiKeys.prefix")}</th>
              <th scope="col">{t("apiKeys.role")}</th>
              <th scope="col">{t("apiKeys.createdBy")}</th>
              <th scope="col">{t("apiKeys.created")}</th>
              <th scope="col">{t("apiKeys.lastUsed")}</th>
              <th scope="col">{t("apiKeys.status")}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row" data-user-text>
                  {key.name}
                </th>
                <td className="mono" data-user-text>
                  {key.prefix}…
                </td>
                <td>{t(`apiKeys.role.${key.role as "admin" | "accountant" | "viewer"}`)}</td>
                <td>{key.createdBy?.fullName ?? t("apiKeys.creatorGone")}</td>
                <td>{formatDateTime(key.createdAt, language)}</td>
                <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, language) : t("apiKeys.never")}</td>
                <td>
                  {key.revokedAt ? (
                    t("apiKeys.revokedAt", { date: formatDateTime(key.revokedAt, language) })
                  ) : (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => revoke(key)}
                    >
                      {t("apiKeys.revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
