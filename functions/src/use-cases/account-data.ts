import {
  analysisResults,
  auditLog,
  companies,
  documents,
  exports,
  financialStatements,
  memberships,
  organisations,
  sessions,
  users,
  webhookDeliveries,
  webhooks,
} from "@finstat/db/schema";
import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { AppError } from "../app-error";
import { refuseKeyActor } from "./api-keys";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { documentViews } from "./document-view";
import { verifyPassword } from "./passwords";
import { deleteStoredFiles, documentFileKeys } from "./stored-files";

/**
 * KVKK art. 11 / GDPR art. 15 and 20: everything stored about the user, in one JSON document.
 * Secrets (password hash, refresh-token hashes, webhook secrets) are left out; files are listed
 * with their ids and can be fetched through the normal endpoints.
 */
export async function exportAccountData(services: Pick<Services, "db" | "now">, actor: Actor) {
  refuseKeyActor(actor);
  const [user] = await services.db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user) throw new AppError("unauthenticated", "Please log in.");
  const ownedDocuments = await services.db
    .select()
    .from(documents)
    .where(eq(documents.ownerId, actor.userId));
  const documentIds = ownedDocuments.map((d) => d.id);
  const ownedWebhooks = await services.db.select().from(webhooks).where(eq(webhooks.ownerId, actor.userId));
  const [companyRows, statementRows, analysisRows, exportRows, sessionRows, auditRows, deliveryRows] =
    await Promise.all([
      services.db.select().from(companies).where(eq(companies.ownerId, actor.userId)),
      documentIds.length
        ? services.db
            .select()
            .from(financialStatements)
            .where(inArray(financialStatements.documentId, documentIds))
        : [],
      documentIds.length
        ? services.db.select().from(analysisResults).where(inArray(analysisResults.documentId, documentIds))
        : [],
      services.db.select().from(exports).where(eq(exports.userId, actor.userId)),
      services.db
        .select({
          id: sessions.id,
          userAgent: sessions.userAgent,
          createdAt: sessions.createdAt,
          expiresAt: sessions.expiresAt,
          revokedAt: sessions.revokedAt,
        })
        .from(sessions)
        .where(eq(sessions.userId, actor.userId)),
      services.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.userId, actor.userId))
        .orderBy(desc(auditLog.createdAt)),
      ownedWebhooks.length
        ? services.db
            .select()
            .from(webhookDeliveries)
            .where(
              inArray(
                webhookDeliveries.webhookId,
                ownedWebhooks.map((w) => w.id),
              ),
            )
        : [],
    ]);
  return {
    exportedAt: services.now().toISOString(),
    user,
    companies: companyRows,
    documents: await documentViews(services, ownedDocuments),
    statements: statementRows,
    analyses: analysisRows,
    exports: exportRows.map(({ storageKey: _storageKey, ...row }) => row),
    webhooks: ownedWebhooks.map(({ secret: _secret, ...row }) => row),
    webhookDeliveries: deliveryRows,
    sessions: sessionRows,
    auditLog: auditRows,
  };
}

export const accountDeletion = z.object({ password: z.string().min(1).max(200) });

/**
 * KVKK art. 7 / GDPR art. 17: removes the user, the organisations they are the only member of
 * (their personal one), and by cascade those organisations' companies, documents, statements,
 * results, exports and webhooks, the user's sessions, then every stored file. What they uploaded
 * into a firm's organisation is the firm's and stays, no longer naming them. The sole owner of a
 * firm with other members is refused until they hand ownership over: the firm would be left
 * with nobody to run it. The audit trail keeps its rows without the user (and without the
 * address they came from).
 */
export async function deleteAccount(
  services: Pick<Services, "db" | "storage" | "logger">,
  actor: Actor,
  input: z.infer<typeof accountDeletion>,
): Promise<{ deletedDocuments: number; deletedFiles: number }> {
  refuseKeyActor(actor);
  const [user] = await services.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("unauthenticated", "Please log in.");
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    throw new AppError("invalid_credentials", "The password is wrong.");
  }
  await refuseSoleOwnership(services.db, actor.userId);
  const solitary = await solitaryOrganisations(services.db, actor.userId);
  const ownedDocuments = solitary.length
    ? await services.db
        .select({ id: documents.id, storageKey: documents.storageKey, pages: documents.pages })
        .from(documents)
        .where(inArray(documents.organisationId, solitary))
    : [];
  const exportRows = solitary.length
    ? await services.db
        .select({ storageKey: exports.storageKey })
        .from(exports)
        .where(inArray(exports.organisationId, solitary))
    : [];
  const keys = [...ownedDocuments.flatMap(documentFileKeys), ...exportRows.map((row) => row.storageKey)];
  await services.db.transaction(async (tx) => {
    await tx.update(auditLog).set({ ipAddress: null }).where(eq(auditLog.userId, actor.userId));
    // No ip: the person asked to be forgotten, and their earlier rows lost theirs just above.
    await recordAudit(
      tx,
      { userId: null },
      {
        action: "account.delete",
        entityType: "user",
        entityId: actor.userId,
        organisationId: null,
        details: { documents: ownedDocuments.length },
      },
    );
    if (solitary.length) await tx.delete(organisations).where(inArray(organisations.id, solitary));
    await tx.delete(users).where(eq(users.id, actor.userId));
  });
  const failed = await deleteStoredFiles(services.storage, services.logger, keys);
  return { deletedDocuments: ownedDocuments.length, deletedFiles: new Set(keys).size - failed };
}

/** Organisations with other members where this user is the only owner. */
async function refuseSoleOwnership(db: Services["db"], userId: string): Promise<void> {
  const owners = alias(memberships, "owners");
  const others = alias(memberships, "others");
  const rows = await db
    .selectDistinct({ organisationId: memberships.organisationId, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(others, and(eq(others.organisationId, memberships.organisationId), ne(others.userId, userId)))
    .leftJoin(
      owners,
      and(
        eq(owners.organisationId, memberships.organisationId),
        ne(owners.userId, userId),
        eq(owners.role, "owner"),
      ),
    )
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "owner"), isNull(owners.id)));
  if (rows.length === 0) return;
  throw new AppError(
    "account_sole_owner",
    `You are the only owner of ${rows.map((row) => row.name).join(", ")}. Transfer ownership to another member before deleting your account.`,
    { organisations: rows },
  );
}

/** The organisations nobody but this user belongs to: they would be left with no one to reach them. */
async function solitaryOrganisations(db: Services["db"], userId: string): Promise<string[]> {
  const others = alias(memberships, "others");
  const rows = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .leftJoin(others, and(eq(others.organisationId, memberships.organisationId), ne(others.userId, userId)))
    .where(and(eq(memberships.userId, userId), isNull(others.id)));
  return rows.map((row) => row.organisationId);
}
