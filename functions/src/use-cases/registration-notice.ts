import { users } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import type { MailMessage } from "../platform/mail";
import { recordAudit } from "./audit";
import type { Services } from "./context";
import { countHit } from "./rate-limits";

/** Notices per account and day: someone registering the address over and over cannot flood it. */
export const REGISTRATION_NOTICES_PER_DAY = 3;
const DAY = 24 * 60 * 60;

/**
 * Registration answers the same for taken addresses, so the person who owns one is the one told
 * that somebody tried: with a way in if it was them, and a word of caution if it was not.
 */
export async function tellOwnerOfRegistration(
  services: Pick<Services, "db" | "config" | "now" | "mailer" | "logger">,
  email: string,
  meta: { ip?: string },
): Promise<void> {
  const [owner] = await services.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!owner) return;
  await recordAudit(
    services.db,
    { userId: owner.id, ip: meta.ip },
    { action: "account.register_attempt", entityType: "user", entityId: owner.id, organisationId: null },
  );
  const sent = await countHit(services.db, `registration-notice:${owner.id}`, DAY, services.now());
  if (sent.count > REGISTRATION_NOTICES_PER_DAY) {
    services.logger.info({ userId: owner.id }, "registration notice skipped: daily limit reached");
    return;
  }
  await services.mailer.send(registrationNotice(email, services.config.PUBLIC_URL));
}

function registrationNotice(email: string, publicUrl: string): MailMessage {
  const signIn = `${publicUrl}/signin`;
  const turkish = [
    "Bu e-posta adresiyle yeni bir Finstat hesabı açılmak istendi. Adresin zaten bir hesabı olduğu için yeni hesap açılmadı.",
    `Siz denediyseniz mevcut hesabınızla giriş yapın: ${signIn}`,
    "Siz denemediyseniz bir şey yapmanız gerekmez; hesabınız ve parolanız değişmedi.",
  ];
  const english = [
    "Someone tried to register a new Finstat account with this e-mail address. It already has an account, so no new one was created.",
    `If it was you, sign in with your existing account: ${signIn}`,
    "If it was not you, there is nothing to do: your account and password are unchanged.",
  ];
  const paragraphs = [...turkish, "—", ...english];
  return {
    to: [email],
    subject: "Finstat: hesap açma denemesi / registration attempt",
    text: `${paragraphs.join("\n\n")}\n`,
    html: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n"),
    attachments: [],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
