import { companies, memberships, organisations } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import type { Role } from "./access-policy";
import { recordAudit } from "./audit";
import { deleteCompany } from "./companies";
import type { Actor, Services } from "./context";
import { authorise, organisationsOf } from "./memberships";

export const organisationInput = z.object({ name: z.string().trim().min(1).max(200) });

export interface OrganisationView {
  id: string;
  name: string;
  /** The sign-up's own organisation: it cannot be deleted while its user exists. */
  personal: boolean;
  /** The caller's role in it. */
  role: Role;
  createdAt: Date;
}

/** Every organisation the caller belongs to, with their role: the switcher's list. */
export async function listOrganisations(
  services: Pick<Services, "db">,
  actor: Actor,
): Promise<OrganisationView[]> {
  return organisationsOf(services.db, actor.userId);
}

/** A firm's organisation; its creator is its first owner. */
export async function createOrganisation(
  services: Pick<Services, "db">,
  actor: Actor,
  input: z.infer<typeof organisationInput>,
): Promise<OrganisationView> {
  return services.db.transaction(async (tx) => {
    const [organisation] = await tx.insert(organisations).values({ name: input.name }).returning();
    await tx
      .insert(memberships)
      .values({ organisationId: organisation!.id, userId: actor.userId, role: "owner" });
    await recordAudit(tx, actor, {
      organisationId: organisation!.id,
      action: "organisation.create",
      entityType: "organisation",
      entityId: organisation!.id,
      details: { name: input.name },
    });
    const { id, name, personal, createdAt } = organisation!;
    return { id, name, personal, createdAt, role: "owner" as const };
  });
}

export async function renameOrganisation(
  services: Pick<Services, "db">,
  actor: Actor,
  organisationId: string,
  input: z.infer<typeof organisationInput>,
): Promise<OrganisationView> {
  const member = await authorise(services, actor, "manage_settings", { organisationId }, "organisation");
  const [organisation] = await services.db
    .update(organisations)
    .set({ name: input.name })
    .where(eq(organisations.id, organisationId))
    .returning();
  await recordAudit(services.db, actor, {
    organisationId,
    action: "organisation.rename",
    entityType: "organisation",
    entityId: organisationId,
    details: { name: input.name },
  });
  const { id, name, personal, createdAt } = organisation!;
  return { id, name, personal, createdAt, role: member.role };
}

/**
 * Deletes a firm's organisation with every company (their files included) and membership. A
 * personal organisation goes only with its user's account.
 */
export async function deleteOrganisation(
  services: Pick<Services, "db" | "storage" | "logger">,
  actor: Actor,
  organisationId: string,
): Promise<void> {
  await authorise(services, actor, "delete_organisation", { organisationId }, "organisation");
  const [organisation] = await services.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (organisation!.personal) {
    throw new AppError(
      "personal_organisation",
      "A personal organisation cannot be deleted while its user exists; delete the account instead.",
    );
  }
  const owned = await services.db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.organisationId, organisationId));
  for (const company of owned) await deleteCompany(services, actor, company.id);
  await services.db.delete(organisations).where(eq(organisations.id, organisationId));
  // The organisation's own history goes with it (cascade); this row keeps who deleted what.
  await recordAudit(services.db, actor, {
    organisationId: null,
    action: "organisation.delete",
    entityType: "organisation",
    entityId: organisationId,
    details: { name: organisation!.name, companies: owned.length },
  });
}
