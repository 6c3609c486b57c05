import { type Document, membershipCompanies, memberships, users } from "@finstat/db/schema";
import { asc, eq } from "drizzle-orm";
import { can, type Member } from "./access-policy";
import type { Executor, Services } from "./context";
import { type DocumentDetail, documentViewOf, type Person } from "./document-view";
import { permissionsOn } from "./permissions";

/** The members of one organisation with their names, as the policy sees each of them. */
async function organisationMembers(
  db: Executor,
  organisationId: string,
): Promise<Array<Person & { member: Member }>> {
  const rows = await db
    .select({
      userId: memberships.userId,
      fullName: users.fullName,
      role: memberships.role,
      companyId: membershipCompanies.companyId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(membershipCompanies, eq(membershipCompanies.membershipId, memberships.id))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.fullName), asc(memberships.userId));
  const byUser = new Map<string, Person & { member: Member & { companyIds: string[] } }>();
  for (const row of rows) {
    const person = byUser.get(row.userId) ?? {
      id: row.userId,
      fullName: row.fullName,
      member: { organisationId, role: row.role, companyIds: [] },
    };
    if (row.companyId) person.member.companyIds.push(row.companyId);
    byUser.set(row.userId, person);
  }
  return [...byUser.values()];
}

/** The colleagues who could review the document: members whose role may sign its review off. */
export async function assigneesOf(db: Executor, document: Document): Promise<Person[]> {
  const resource = { organisationId: document.organisationId, companyId: document.companyId };
  return (await organisationMembers(db, document.organisationId))
    .filter((person) => can(person.member, "mark_reviewed", resource))
    .map(({ id, fullName }) => ({ id, fullName }));
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
