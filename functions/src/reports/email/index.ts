export { composeReportEmail, type ReportEmailInput, type ReportLink } from "./compose-report-email";
export { isEmailAddress, MAX_RECIPIENTS, validateRecipients } from "./recipients";
