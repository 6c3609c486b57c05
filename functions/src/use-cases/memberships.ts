import { membershipCompanies, memberships, organisations } from "@finstat/db/schema";
import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { AppError } from "../app-error";
import { type Action, can, type Member, type Resource } from "./access-policy";
import type { Actor, Executor, Services } from "./context";
import { type NotFoundSubject, notFound } from "./errors";

/**
 * The memberships an actor acts with: a person's every membership, an API key's one alone — in
 * its organisation, with its role, reaching all its companies. Everything acting for an Actor
 * asks this (a person's memberships are not exported otherwise), so no route can let a key act
 * beyond its organisation.
 */
export async function membersOf(services: Pick<Services, "db">, actor: Actor): Promise<Member[]> {
  if (actor.apiKey) {
    return [{ organisationId: actor.apiKey.organisationId, role: actor.apiKey.role, companyIds: [] }];
  }
  return membershipsOf(services.db, actor.userId);
}

/**
 * A person's membership of one organisation, whatever they are calling with: what an API key's
 * creator still holds there decides whether the key may act at all.
 */
export async function membershipIn(
  db: Executor,
  userId: string,
  organisationId: string,
): Promise<Member | undefined> {
  return (await membershipsOf(db, userId)).find((member) => member.organisationId === organisationId);
}

/**
 * Every organisation the user belongs to, with the companies of each client membership. Not
 * exported: callers acting for an Actor go through `membersOf`, which knows about API keys.
 */
async function membershipsOf(db: Executor, userId: string): Promise<Member[]> {
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      role: memberships.role,
      companyId: membershipCompanies.companyId,
    })
    .from(memberships)
    .leftJoin(membershipCompanies, eq(membershipCompanies.membershipId, memberships.id))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  const byOrganisation = new Map<string, Member & { companyIds: string[] }>();
  for (const row of rows) {
    const member = byOrganisation.get(row.organisationId) ?? {
      organisationId: row.organisationId,
      role: row.role,
      companyIds: [],
    };
    if (row.companyId) member.companyIds.push(row.companyId);
    byOrganisation.set(row.organisationId, member);
  }
  return [...byOrganisation.values()];
}

/**
 * The memberships a listing or a creation works in: the acting organisation alone when the
 * caller chose one (the switcher, X-Organisation-Id), else every organisation they belong to.
 */
export async function actingMemberships(services: Pick<Services, "db">, actor: Actor): Promise<Member[]> {
  const members = await membersOf(services, actor);
  return actor.organisationId ? members.filter((m) => m.organisationId === actor.organisationId) : members;
}

/**
 * Resolves the caller's membership in the resource's organisation and asks the policy. What the
 * caller may not even read is "not found", exactly as a missing id, so nobody learns what other
 * organisations hold; what they may read but not change is "forbidden".
 */
export async function authorise(
  services: Pick<Services, "db">,
  actor: Actor,
  action: Action,
  resource: Resource,
  subject: NotFoundSubject,
): Promise<Member> {
  const member = (await membersOf(services, actor)).find(
    (candidate) => candidate.organisationId === resource.organisationId,
  );
  if (!member || !can(member, "read", resource)) throw notFound(subject);
  if (!can(member, action, resource)) throw forbidden(action);
  return member;
}

/**
 * The rows an action reaches across all the caller's memberships, as a condition on a table's
 * organisation and company columns; undefined when it reaches none.
 */
export function reachableCompanies(
  members: readonly Member[],
  action: Action,
  columns: { organisationId: AnyPgColumn; companyId: AnyPgColumn },
): SQL | undefined {
  const wholeOrganisations = members
    .filter((member) => can(member, action, { organisationId: member.organisationId }))
    .map((member) => member.organisationId);
  const singleCompanies = members.flatMap((member) =>
    member.companyIds.filter((companyId) =>
      can(member, action, { organisationId: member.organisationId, companyId }),
    ),
  );
  const conditions = [
    wholeOrganisations.length ? inArray(columns.organisationId, wholeOrganisations) : undefined,
    singleCompanies.length ? inArray(columns.companyId, singleCompanies) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  return conditions.length ? or(...conditions) : undefined;
}

/**
 * Where something the caller creates outside any company (a company, a webhook) goes: the
 * acting organisation when one is chosen (refused if the role there does not allow it), else
 * their personal organisation, else the first that allows it.
 */
export async function workingOrganisation(
  services: Pick<Services, "db">,
  actor: Actor,
  action: Action,
): Promise<Member> {
  const members = await actingMemberships(services, actor);
  const allowed = members.filter((member) => can(member, action, { organisationId: member.organisationId }));
  if (allowed.length === 0) throw forbidden(action);
  const personal = await services.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.personal, true),
        inArray(
          organisations.id,
          allowed.map((member) => member.organisationId),
        ),
      ),
    );
  const personalIds = new Set(personal.map((row) => row.id));
  return allowed.find((member) => personalIds.has(member.organisationId)) ?? allowed[0]!;
}

/** The organisations a person belongs to, with their role in each, personal one first. */
export async function organisationsOf(db: Executor, userId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      personal: organisations.personal,
      role: memberships.role,
      createdAt: organisations.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(organisations.personal), asc(memberships.createdAt));
}

/** A sign-up's own organisation, with the new user as its owner; run inside the registration. */
export async function createPersonalOrganisation(
  db: Executor,
  user: { id: string; fullName: string },
): Promise<string> {
  const [organisation] = await db
    .insert(organisations)
    .values({ name: user.fullName, personal: true })
    .returning({ id: organisations.id });
  await db.insert(memberships).values({ organisationId: organisation!.id, userId: user.id, role: "owner" });
  return organisation!.id;
}

export function forbidden(action: Action): AppError {
  return new AppError("forbidden", "Your role in this organisation does not allow this.", { action });
}
