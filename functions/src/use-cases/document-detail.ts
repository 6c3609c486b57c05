import type { Document } from "@finstat/db/schema";
import { can, type Member } from "./access-policy";
import type { Executor, Services } from "./context";
import { type DocumentDetail, documentViewOf, type Person } from "./document-view";
import { organisationMembers } from "./members";
import { permissionsOn } from "./permissions";

/** The colleagues who could review the document: members whose role may sign its review off. */
export async function assigneesOf(db: Executor, document: Document): Promise<Person[]> {
  const { organisationId, companyId } = document;
  return (await organisationMembers(db, organisationId))
    .filter((person) => can({ ...person, organisationId }, "mark_reviewed", { organisationId, companyId }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, "tr") || a.userId.localeCompare(b.userId))
    .map(({ userId, fullName }) => ({ id: userId, fullName }));
}

/** A document opened by one member: the view, what they may do, and whom they could assign. */
export async function documentDetail(
  services: Pick<Services, "db">,
  document: Document,
  member: Member,
): Promise<DocumentDetail> {
  const permissions = permissionsOn(member, {
    organisationId: document.organisationId,
    companyId: document.companyId,
  });
  const [view, assignees] = await Promise.all([
    documentViewOf(services, document),
    permissions.includes("mark_reviewed") ? assigneesOf(services.db, document) : [],
  ]);
  return { ...view, permissions, assignees };
}
