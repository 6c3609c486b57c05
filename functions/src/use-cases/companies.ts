import { type Company, companies, documents, exports } from "@finstat/db/schema";
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import type { Action, Member } from "./access-policy";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { isUniqueViolation, notFound } from "./errors";
import { actingMemberships, authorise, reachableCompanies, workingOrganisation } from "./memberships";
import { permissionsOn } from "./permissions";
import { deleteStoredFiles, documentFileKeys } from "./stored-files";
import { isValidTaxId } from "./tax-id";

const taxId = z
  .string()
  .trim()
  .regex(/^(\d{10}|\d{11})$/, "A tax id is a 10-digit VKN or an 11-digit TCKN.")
  .refine(isValidTaxId, "The check digits of this tax id do not match: please check it for a typo.");

export const companyInput = z.object({
  name: z.string().trim().min(1).max(200),
  taxId: taxId.nullish(),
  sector: z.string().trim().min(1).max(100).nullish(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as TRY, USD or EUR.")
    .default("TRY"),
});

export const companyPatch = companyInput.partial();

export async function createCompany(
  services: Pick<Services, "db">,
  actor: Actor,
  input: z.infer<typeof companyInput>,
): Promise<CompanyView> {
  const member = await workingOrganisation(services, actor, "create_company");
  try {
    const [company] = await services.db
      .insert(companies)
      .values({
        organisationId: member.organisationId,
        ownerId: actor.userId,
        name: input.name,
        taxId: input.taxId ?? null,
        sector: input.sector ?? null,
        currency: input.currency,
      })
      .returning();
    await recordAudit(services.db, actor, {
      action: "company.create",
      entityType: "company",
      entityId: company!.id,
      organisationId: member.organisationId,
    });
    return companyView(company!, member);
  } catch (error) {
    throw duplicateTaxId(error);
  }
}

/** A company as one member sees it: with what the policy lets them do there. */
export type CompanyView = Company & { permissions: Action[] };

function companyView(company: Company, member: Member | undefined): CompanyView {
  return {
    ...company,
    permissions: permissionsOn(member, { organisationId: company.organisationId, companyId: company.id }),
  };
}

/** Every company the caller can read, in all their organisations. */
export async function listCompanies(services: Pick<Services, "db">, actor: Actor): Promise<CompanyView[]> {
  const members = await actingMemberships(services, actor);
  const reachable = reachableCompanies(members, "read", {
    organisationId: companies.organisationId,
    companyId: companies.id,
  });
  if (!reachable) return [];
  const rows = await services.db.select().from(companies).where(reachable).orderBy(asc(companies.name));
  return rows.map((company) =>
    companyView(
      company,
      members.find((member) => member.organisationId === company.organisationId),
    ),
  );
}

/** One company, with what the caller may do there. */
export async function getCompany(
  services: Pick<Services, "db">,
  actor: Actor,
  companyId: string,
): Promise<CompanyView> {
  const { company, member } = await companyWithMember(services, actor, companyId, "read");
  return companyView(company, member);
}

/**
 * The one way to load a company: one of the actor's organisations owns it and the policy lets
 * the actor do `action` there; otherwise "not found" (or "forbidden" for what they may only read).
 */
export async function ownedCompany(
  services: Pick<Services, "db">,
  actor: Actor,
  companyId: string,
  action: Action = "read",
): Promise<Company> {
  return (await companyWithMember(services, actor, companyId, action)).company;
}

/** ownedCompany, with the membership that let the actor in. */
async function companyWithMember(
  services: Pick<Services, "db">,
  actor: Actor,
  companyId: string,
  action: Action,
): Promise<{ company: Company; member: Member }> {
  if (!z.uuid().safeParse(companyId).success) throw notFound("company");
  const [company] = await services.db.select().from(companies).where(eq(companies.id, companyId));
  if (!company) throw notFound("company");
  const member = await authorise(
    services,
    actor,
    action,
    { organisationId: company.organisationId, companyId },
    "company",
  );
  return { company, member };
}

export async function updateCompany(
  services: Pick<Services, "db">,
  actor: Actor,
  companyId: string,
  patch: z.infer<typeof companyPatch>,
): Promise<CompanyView> {
  const { member } = await companyWithMember(services, actor, companyId, "update_company");
  const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  try {
    const [company] = await services.db
      .update(companies)
      .set(changes)
      .where(eq(companies.id, companyId))
      .returning();
    if (!company) throw notFound("company");
    await recordAudit(services.db, actor, {
      action: "company.update",
      entityType: "company",
      entityId: companyId,
      organisationId: company.organisationId,
      details: { fields: Object.keys(changes) },
    });
    return companyView(company, member);
  } catch (error) {
    throw duplicateTaxId(error);
  }
}

/** Removes the company with its documents, statements, results and exports, files included. */
export async function deleteCompany(
  services: Pick<Services, "db" | "storage" | "logger">,
  actor: Actor,
  companyId: string,
): Promise<void> {
  const company = await ownedCompany(services, actor, companyId, "delete_company");
  const [documentRows, exportRows] = await Promise.all([
    services.db
      .select({ id: documents.id, storageKey: documents.storageKey, pages: documents.pages })
      .from(documents)
      .where(eq(documents.companyId, company.id)),
    services.db
      .select({ storageKey: exports.storageKey })
      .from(exports)
      .where(eq(exports.companyId, company.id)),
  ]);
  const documentExports =
    documentRows.length === 0
      ? []
      : await services.db
          .select({ storageKey: exports.storageKey })
          .from(exports)
          .where(
            inArray(
              exports.documentId,
              documentRows.map((d) => d.id),
            ),
          );
  await services.db.delete(companies).where(eq(companies.id, company.id));
  await recordAudit(services.db, actor, {
    action: "company.delete",
    entityType: "company",
    entityId: company.id,
    organisationId: company.organisationId,
    details: { name: company.name, documents: documentRows.length },
  });
  await deleteStoredFiles(services.storage, services.logger, [
    ...documentRows.flatMap(documentFileKeys),
    ...[...exportRows, ...documentExports].map((row) => row.storageKey),
  ]);
}

function duplicateTaxId(error: unknown): unknown {
  return isUniqueViolation(error, "companies_organisation_tax_id_unique")
    ? new AppError("company_exists", "You already have a company with this tax id.")
    : error;
}
