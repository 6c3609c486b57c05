import { companies, type Membership, membershipCompanies, memberships, users } from "@finstat/db/schema";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import {
  can,
  holdsOwnership,
  limitedToCompanies,
  type Member,
  mayChangeRole,
  ROLES,
  type Role,
} from "./access-policy";
import { recordAudit } from "./audit";
import type { Actor, Executor, Services } from "./context";
import { notFound } from "./errors";
import { authorise, forbidden, membersOf } from "./memberships";

export const roleChange = z.object({
  role: z.enum(ROLES),
  /** The companies a `client` reaches; ignored for other roles. */
  companyIds: z.array(z.uuid()).max(200).default([]),
});
export const ownershipTransfer = z.object({ userId: z.uuid() });

export interface MemberView {
  userId: string;
  fullName: string;
  email: string;
  role: Role;
  companyIds: string[];
  joinedAt: Date;
}

export async function listMembers(
  services: Pick<Services, "db">,
  actor: Actor,
  organisationId: string,
): Promise<MemberView[]> {
  await authorise(services, actor, "read", { organisationId }, "organisation");
  return organisationMembers(services.db, organisationId);
}

/** Everyone in the organisation with their role and, for a client, its companies; unchecked. */
export async function organisationMembers(db: Executor, organisationId: string): Promise<MemberView[]> {
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      fullName: users.fullName,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      companyId: membershipCompanies.companyId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(membershipCompanies, eq(membershipCompanies.membershipId, memberships.id))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(memberships.createdAt));
  const byUser = new Map<string, MemberView>();
  for (const { membershipId: _membershipId, companyId, ...row } of rows) {
    const member = byUser.get(row.userId) ?? { ...row, companyIds: [] };
    if (companyId && limitedToCompanies(member.role)) member.companyIds.push(companyId);
    byUser.set(row.userId, member);
  }
  return [...byUser.values()];
}

/** Changes a member's role (and a client's companies). The last owner keeps the role. */
export async function changeMemberRole(
  services: Pick<Services, "db">,
  actor: Actor,
  organisationId: string,
  userId: string,
  input: z.infer<typeof roleChange>,
): Promise<MemberView> {
  const caller = await authorise(services, actor, "manage_members", { organisationId }, "organisation");
  const target = await membershipOf(services.db, organisationId, userId);
  requireOwnerForOwnerRole(caller, target.role, input.role);
  const companyIds = limitedToCompanies(input.role)
    ? await clientCompanies(services.db, organisationId, input.companyIds)
    : [];
  await services.db.transaction(async (tx) => {
    if (holdsOwnership(target.role) && !holdsOwnership(input.role))
      await keepAnotherOwner(tx, organisationId);
    await tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, target.id));
    await setClientCompanies(tx, target.id, companyIds);
    await memberAudit(tx, actor, organisationId, "member.role_change", userId, {
      from: target.role,
      to: input.role,
      companyIds,
    });
  });
  const [view] = (await listMembers(services, actor, organisationId)).filter((m) => m.userId === userId);
  return view!;
}

export async function removeMember(
  services: Pick<Services, "db">,
  actor: Actor,
  organisationId: string,
  userId: string,
): Promise<void> {
  const caller = await authorise(services, actor, "manage_members", { organisationId }, "organisation");
  const target = await membershipOf(services.db, organisationId, userId);
  requireOwnerForOwnerRole(caller, target.role, null);
  await services.db.transaction(async (tx) => {
    if (holdsOwnership(target.role)) await keepAnotherOwner(tx, organisationId);
    await tx.delete(memberships).where(eq(memberships.id, target.id));
    await memberAudit(tx, actor, organisationId, "member.remove", userId, { role: target.role });
  });
}

/** Any member may leave, a client too; the last owner must hand the organisation over first. */
export async function leaveOrganisation(
  services: Pick<Services, "db">,
  actor: Actor,
  organisationId: string,
): Promise<void> {
  const own = (await membersOf(services, actor)).some((m) => m.organisationId === organisationId);
  if (!own) throw notFound("organisation");
  const membership = await membershipOf(services.db, organisationId, actor.userId);
  await services.db.transaction(async (tx) => {
    if (holdsOwnership(membership.role)) await keepAnotherOwner(tx, organisationId);
    await tx.delete(memberships).where(eq(memberships.id, membership.id));
    await memberAudit(tx, actor, organisationId, "member.leave", actor.userId, { role: membership.role });
  });
}

/** The named member becomes owner and the caller an admin: there is never a moment without one. */
export async function transferOwnership(
  services: Pick<Services, "db">,
  actor: Actor,
  organisationId: string,
  input: z.infer<typeof ownershipTransfer>,
): Promise<void> {
  await authorise(services, actor, "transfer_ownership", { organisationId }, "organisation");
  if (input.userId === actor.userId) {
    throw new AppError("invalid_request", "Ownership goes to another member of the organisation.");
  }
  const target = await membershipOf(services.db, organisationId, input.userId);
  const own = await membershipOf(services.db, organisationId, actor.userId);
  await services.db.transaction(async (tx) => {
    await tx.update(memberships).set({ role: "owner" }).where(eq(memberships.id, target.id));
    await setClientCompanies(tx, target.id, []);
    await tx.update(memberships).set({ role: "admin" }).where(eq(memberships.id, own.id));
    await memberAudit(tx, actor, organisationId, "organisation.transfer_ownership", input.userId, {
      from: target.role,
    });
  });
}

async function membershipOf(db: Executor, organisationId: string, userId: string): Promise<Membership> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  if (!row) throw notFound("member");
  return row;
}

export function requireOwnerForOwnerRole(caller: Member, from: Role | null, to: Role | null): void {
  if (mayChangeRole(caller, from, to, { organisationId: caller.organisationId })) return;
  if (!can(caller, "manage_members", { organisationId: caller.organisationId })) {
    throw forbidden("manage_members");
  }
  throw new AppError("owner_only", "Only an owner may grant, change or take away the owner role.");
}

/** Called in the transaction that takes an owner away: it fails if none would be left. */
async function keepAnotherOwner(tx: Executor, organisationId: string): Promise<void> {
  const owners = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, ROLES.filter(holdsOwnership)),
      ),
    )
    .for("update");
  if (owners.length <= 1) {
    throw new AppError(
      "last_owner",
      "The last owner cannot leave, be removed or lose the role: transfer ownership first.",
    );
  }
}

/** A client's companies must be named and belong to the organisation. */
export async function clientCompanies(db: Executor, organisationId: string, companyIds: readonly string[]) {
  const unique = [...new Set(companyIds)];
  const found =
    unique.length === 0
      ? []
      : await db
          .select({ id: companies.id })
          .from(companies)
          .where(and(eq(companies.organisationId, organisationId), inArray(companies.id, unique)));
  if (unique.length === 0 || found.length !== unique.length) {
    throw new AppError(
      "client_companies_invalid",
      "A client needs at least one company, and every company must belong to this organisation.",
    );
  }
  return unique;
}

export async function setClientCompanies(tx: Executor, membershipId: string, companyIds: readonly string[]) {
  await tx.delete(membershipCompanies).where(eq(membershipCompanies.membershipId, membershipId));
  if (companyIds.length) {
    await tx.insert(membershipCompanies).values(companyIds.map((companyId) => ({ membershipId, companyId })));
  }
}

async function memberAudit(
  tx: Executor,
  actor: Actor,
  organisationId: string,
  action: string,
  userId: string,
  details: Record<string, unknown>,
) {
  await recordAudit(tx, actor, {
    organisationId,
    action,
    entityType: "user",
    entityId: userId,
    details,
  });
}
