/**
 * SES sender for report e-mails. An address (not a bare domain) keeps Resource.Mailer.sender
 * usable as the From header; SES e-mails a verification link to it on the first deploy.
 */
export function createMailer(sender: string) {
  return new sst.aws.Email("Mailer", { sender });
}
