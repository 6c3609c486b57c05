"use client";

import { namesSameEntity } from "@finstat/functions/pipeline/parse/entity-name";
import type { StatementView } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";

/** A statement printed for another entity than the company it was uploaded to: say so before anyone analyses it. */
export function EntityMismatch({
  statements,
  companyName,
}: {
  statements: StatementView[] | null;
  companyName: string | undefined;
}) {
  const { t } = useI18n();
  if (!statements || !companyName) return null;
  const printed = statements.find(
    (statement) => statement.entity && !namesSameEntity(statement.entity, companyName),
  );
  if (!printed?.entity) return null;
  return (
    <p className="notice notice--warning" role="status" data-testid="entity-mismatch">
      {t("review.entityMismatch", { printed: printed.entity, company: companyName })}
    </p>
  );
}
