import {
  companies,
  type Invitation,
  invitations,
  memberships,
  organisations,
  users,
} from "@finstat/db/schema";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import type { SentMail } from "../platform/mail";
import { limitedToCompanies, ROLES, type Role } from "./access-policy";
import { recordAudit } from "./audit";
import type { Actor, Executor, Services } from "./context";
import { notFound } from "./errors";
import { invitationMail } from "./invitation-mail";
import { clientCompanies, requireOwnerForOwnerRole, setClientCompanies } from "./members";
import { authorise } from "./memberships";
import { newSecretToken, secretTokenHash } from "./secret-tokens";

const DAY_MS = 24 * 60 * 60 * 1000;

export const invitationInput = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  role: z.enum(ROLES),
  /** For a client: the companies of the organisation they will reach. */
  companyIds: z.array(z.uuid()).max(200).default([]),
});

export type InvitationStatus = "pending" | "expired" | "accepted" | "declined" | "revoked";

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  companyIds: string[];
  expiresAt: Date;
  createdAt: Date;
  expired: boolean;
}

/**
 * Invites an address with a role, by e-mail. Inviting the same address again replaces the
 * pending invitation (its link stops working).
 */
export async function inviteMember(
  services: Pick<Services, "db" | "mailer" | "config" | "now">,
  actor: Actor,
  organisationId: string,
  input: z.infer<typeof invitationInput>,
): Promise<{ invitation: InvitationView; delivery: SentMail["delivery"] }> {
  const caller = await authorise(services, actor, "manage_members", { organisationId }, "organisation");
  requireOwnerForOwnerRole(caller, null, input.role);
  const companyIds = limitedToCompanies(input.role)
    ? await clientCompanies(services.db, organisationId, input.companyIds)
    : [];
  const [existing] = await services.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.email, input.email), eq(memberships.organisationId, organisationId)));
  if (existing) throw new AppError("already_member", "This person is already a member of the organisation.");
  const token = newSecretToken();
  const now = services.now();
  const expiresAt = new Date(now.getTime() + services.config.INVITATION_EXPIRY_DAYS * DAY_MS);
  const row = await services.db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.organisationId, organisationId), eq(invitations.email, input.email), open()));
    const [created] = await tx
      .insert(invitations)
      .values({
        organisationId,
        email: input.email,
        role: input.role,
        companyIds,
        tokenHash: secretTokenHash(token),
        invitedById: actor.userId,
        expiresAt,
      })
      .returning();
    await recordAudit(tx, actor, {
      organisationId,
      action: "invitation.create",
      entityType: "invitation",
      entityId: created!.id,
      details: { email: input.email, role: input.role, companyIds },
    });
    return created!;
  });
  const [names] = await services.db
    .select({ organisationName: organisations.name, inviterName: users.fullName })
    .from(organisations)
    .innerJoin(users, eq(users.id, actor.userId))
    .where(eq(organisations.id, organisationId));
  const sent = await services.mailer.send(
    invitationMail({
      ...names!,
      email: input.email,
      role: input.role,
      expiresAt,
      link: `${services.config.PUBLIC_URL}/invitations/${token}`,
    }),
  );
  return { invitation: invitationView(row, now), delivery: sent.delivery };
}

/** The invitations still waiting for an answer (expired ones too, so they can be sent again). */
export async function listInvitations(
  services: Pick<Services, "db" | "now">,
  actor: Actor,
  organisationId: string,
): Promise<InvitationView[]> {
  await authorise(services, actor, "manage_members", { organisationId }, "organisation");
  const rows = await services.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), open()))
    .orderBy(desc(invitations.createdAt));
  return rows.map((row) => invitationView(row, services.now()));
}

export async function revokeInvitation(
  services: Pick<Services, "db" | "now">,
  actor: Actor,
  organisationId: string,
  invitationId: string,
): Promise<void> {
  await authorise(services, actor, "manage_members", { organisationId }, "organisation");
  const [row] = await services.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId)));
  if (!row) throw notFound("invitation");
  refuseAnswered(row, services.now(), { ignoreExpiry: true });
  await services.db.update(invitations).set({ revokedAt: services.now() }).where(eq(invitations.id, row.id));
  await recordAudit(services.db, actor, {
    organisationId,
    action: "invitation.revoke",
    entityType: "invitation",
    entityId: row.id,
    details: { email: row.email },
  });
}

/** What the accept page shows to whoever holds the link (it names who it was sent to). */
export async function previewInvitation(services: Pick<Services, "db" | "now">, token: string) {
  const row = await byToken(services, token);
  const [names] = await services.db
    .select({ organisationName: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, row.organisationId));
  const [inviter] = row.invitedById
    ? await services.db.select({ fullName: users.fullName }).from(users).where(eq(users.id, row.invitedById))
    : [];
  return {
    organisationName: names!.organisationName,
    inviterName: inviter?.fullName ?? null,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    status: statusOf(row, services.now()),
  };
}

/**
 * Joins the organisation: the signed-in user's address must be the invited one. The invitation
 * is used up in the same transaction that creates the membership, so a link works once.
 */
export async function acceptInvitation(
  services: Pick<Services, "db" | "now">,
  actor: Actor,
  token: string,
): Promise<{ organisationId: string; role: Role }> {
  const row = await byToken(services, token);
  const now = services.now();
  refuseAnswered(row, now);
  const [user] = await services.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (user?.email.toLowerCase() !== row.email) {
    throw new AppError(
      "invitation_wrong_email",
      "This invitation was sent to another address: sign in with that address to accept it.",
    );
  }
  return services.db.transaction(async (tx) => {
    const [used] = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedById: actor.userId })
      .where(and(eq(invitations.id, row.id), open()))
      .returning({ id: invitations.id });
    if (!used) throw new AppError("invitation_used", "This invitation has already been answered.");
    const [member] = await tx
      .insert(memberships)
      .values({ organisationId: row.organisationId, userId: actor.userId, role: row.role })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (!member) throw new AppError("already_member", "You are already a member of this organisation.");
    if (limitedToCompanies(row.role)) await setClientCompanies(tx, member.id, await stillThere(tx, row));
    await recordAudit(tx, actor, {
      organisationId: row.organisationId,
      action: "invitation.accept",
      entityType: "invitation",
      entityId: row.id,
      details: { role: row.role },
    });
    return { organisationId: row.organisationId, role: row.role };
  });
}

/** Turning an invitation down needs only the link: the invitee may have no account at all. */
export async function declineInvitation(
  services: Pick<Services, "db" | "now">,
  token: string,
  meta: { ip?: string },
): Promise<void> {
  const row = await byToken(services, token);
  refuseAnswered(row, services.now());
  const [declined] = await services.db
    .update(invitations)
    .set({ declinedAt: services.now() })
    .where(and(eq(invitations.id, row.id), open()))
    .returning({ id: invitations.id });
  if (!declined) throw new AppError("invitation_used", "This invitation has already been answered.");
  await recordAudit(
    services.db,
    { userId: null, ip: meta.ip },
    {
      organisationId: row.organisationId,
      action: "invitation.decline",
      entityType: "invitation",
      entityId: row.id,
      details: { email: row.email },
    },
  );
}

async function byToken(services: Pick<Services, "db">, token: string): Promise<Invitation> {
  // A wrong-looking token is looked up all the same: it simply matches no hash.
  const [row] = await services.db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, secretTokenHash(token)));
  if (!row) throw notFound("invitation");
  return row;
}

/** Companies of a client invitation that were deleted since are skipped, not an error. */
async function stillThere(tx: Executor, row: Invitation): Promise<string[]> {
  if (row.companyIds.length === 0) return [];
  const found = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.organisationId, row.organisationId), inArray(companies.id, row.companyIds)));
  return found.map((company) => company.id);
}

function open() {
  return and(isNull(invitations.acceptedAt), isNull(invitations.declinedAt), isNull(invitations.revokedAt));
}

function statusOf(row: Invitation, now: Date): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.declinedAt) return "declined";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

function refuseAnswered(row: Invitation, now: Date, options: { ignoreExpiry?: boolean } = {}): void {
  const status = statusOf(row, now);
  if (status === "accepted")
    throw new AppError("invitation_used", "This invitation has already been accepted.");
  if (status === "declined") throw new AppError("invitation_declined", "This invitation was declined.");
  if (status === "revoked") throw new AppError("invitation_revoked", "This invitation was withdrawn.");
  if (status === "expired" && !options.ignoreExpiry) {
    throw new AppError("invitation_expired", "This invitation has expired: ask for a new one.");
  }
}

function invitationView(row: Invitation, now: Date): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    companyIds: row.companyIds,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    expired: row.expiresAt <= now,
  };
}
