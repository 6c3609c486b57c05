import { AppError } from "../app-error";

/**
 * The same answer for "does not exist" and "belongs to someone else": telling them apart would
 * let one tenant probe for another's ids.
 */
export type NotFoundSubject =
  | "document"
  | "company"
  | "statement"
  | "export"
  | "webhook"
  | "page"
  | "organisation"
  | "api_key"
  | "member"
  | "invitation";

export function notFound(what: NotFoundSubject): AppError {
  const names = {
    document: "Document",
    company: "Company",
    statement: "Statement",
    export: "Export",
    webhook: "Webhook",
    page: "Page",
    organisation: "Organisation",
    api_key: "API key",
    member: "Member",
    invitation: "Invitation",
  } as const;
  return new AppError("not_found", `${names[what]} not found.`);
}

/** Postgres unique violation (SQLSTATE 23505), from pg or PGlite, possibly wrapped by drizzle. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const candidate = e as { code?: string; constraint?: string; message?: string };
    if (candidate.code === "23505") {
      return (
        !constraint || candidate.constraint === constraint || Boolean(candidate.message?.includes(constraint))
      );
    }
  }
  return false;
}
