import type { MailMessage } from "../platform/mail";
import type { Role } from "./access-policy";

const ROLE_NAMES: Record<Role, { tr: string; en: string }> = {
  owner: { tr: "sahip", en: "owner" },
  admin: { tr: "yönetici", en: "admin" },
  accountant: { tr: "muhasebeci", en: "accountant" },
  viewer: { tr: "izleyici", en: "viewer" },
  client: { tr: "müşteri", en: "client" },
};

/** The invitation e-mail, Turkish then English; the link in it is the token's only copy. */
export function invitationMail(invitation: {
  email: string;
  organisationName: string;
  inviterName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const { organisationName: organisation, inviterName: inviter, role, link } = invitation;
  const until = invitation.expiresAt.toISOString().slice(0, 10);
  const turkish = [
    `${inviter}, sizi Finstat'ta "${organisation}" organizasyonuna ${ROLE_NAMES[role].tr} olarak davet etti.`,
    `Daveti görmek ve kabul etmek için bu bağlantıyı açın (${until} tarihine kadar geçerli): ${link}`,
    "Bu daveti beklemiyorsanız e-postayı yok sayabilirsiniz.",
  ];
  const english = [
    `${inviter} invited you to the organisation "${organisation}" on Finstat as ${ROLE_NAMES[role].en}.`,
    `Open this link to see and accept the invitation (valid until ${until}): ${link}`,
    "If you did not expect this invitation, you can ignore this e-mail.",
  ];
  const paragraphs = [...turkish, "—", ...english];
  return {
    to: [invitation.email],
    subject: `Finstat: ${organisation} daveti / invitation`,
    text: `${paragraphs.join("\n\n")}\n`,
    html: paragraphs
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(escapeHtml(link), anchor(link))}</p>`)
      .join("\n"),
    attachments: [],
  };
}

function anchor(link: string): string {
  return `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
