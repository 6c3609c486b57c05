/**
 * Recipient checks before a report is mailed: well-formed addresses, no duplicates, not too many.
 * Who may receive a report at all (the account owner or addresses the user typed) is the use
 * case's decision; this only makes sure the list is sane.
 */
import { AppError } from "../../app-error";

export const MAX_RECIPIENTS = 10;

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,61}[A-Za-z0-9\u00a1-\uffff])?$/;

export function isEmailAddress(address: string): boolean {
  if (address.length > 254 || /[\s<>(),;:"\\[\]]/.test(address)) return false;
  const at = address.lastIndexOf("@");
  if (at <= 0 || at !== address.indexOf("@")) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split(".");
  const tld = labels.at(-1) ?? "";
  return (
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    /^[A-Za-z\u00a1-\uffff]{2,}$|^xn--[A-Za-z0-9-]+$/.test(tld)
  );
}

/** Trimmed, checked and deduplicated (case-insensitively) addresses, in the order given. */
export function validateRecipients(list: readonly string[], options: { max?: number } = {}): string[] {
  const max = options.max ?? MAX_RECIPIENTS;
  if (!Array.isArray(list)) {
    throw new AppError("recipients_invalid", "Recipients must be a list of e-mail addresses.");
  }
  const seen = new Set<string>();
  const unique: string[] = [];
  const invalid: string[] = [];
  for (const raw of list) {
    const address = typeof raw === "string" ? raw.trim() : "";
    if (!isEmailAddress(address)) {
      invalid.push(typeof raw === "string" ? raw.slice(0, 100) : String(raw));
      continue;
    }
    const at = address.lastIndexOf("@");
    const normalised = `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
    const id = normalised.toLowerCase();
    if (seen.has(id)) continue;
    seen.add(id);
    unique.push(normalised);
  }
  if (invalid.length > 0) {
    throw new AppError("recipients_invalid", `Not a valid e-mail address: ${invalid.join(", ")}`, {
      invalid,
    });
  }
  if (unique.length === 0) {
    throw new AppError("recipients_required", "Add at least one e-mail address to send the report to.");
  }
  if (unique.length > max) {
    throw new AppError("recipients_too_many", `A report can be sent to at most ${max} addresses at once.`, {
      max,
      given: unique.length,
    });
  }
  return unique;
}
