/**
 * Who may do what in an organisation: the one place a role is turned into a yes or no. Use cases
 * resolve the caller's membership and ask `can`; nothing else compares roles.
 */
export const ROLES = ["owner", "admin", "accountant", "viewer", "client"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  /** See a company, its documents, statements, analysis and reports. */
  "read",
  /** Fetch files: page images, exported reports. */
  "download",
  /** Add documents to a company, and send one through reading again. */
  "upload",
  /** Change a value or a statement's currency. */
  "correct",
  /** Sign a document's review off, and assign a colleague to review it. */
  "mark_reviewed",
  /** Generate an Excel or PDF report. */
  "export",
  /** Send a report by e-mail. */
  "email",
  "delete_document",
  "create_company",
  "update_company",
  "delete_company",
  "manage_webhooks",
  "manage_members",
  "manage_settings",
  /** Create, list and revoke the organisation's API keys. */
  "manage_api_keys",
  "manage_billing",
  "delete_organisation",
  "transfer_ownership",
] as const;
export type Action = (typeof ACTIONS)[number];

/** A user's membership of one organisation, as the policy needs it. */
export interface Member {
  organisationId: string;
  role: Role;
  /** For a `client`: the companies they were invited to; ignored for every other role. */
  companyIds: readonly string[];
}

/**
 * What is acted on: the organisation itself (members, webhooks, new companies) or one of its
 * companies (the company, its documents and everything read from them).
 */
export type Resource = { organisationId: string; companyId?: string };

const viewing: readonly Action[] = ["read", "download"];
const accounting: readonly Action[] = [
  ...viewing,
  "upload",
  "correct",
  "mark_reviewed",
  "export",
  "email",
  "delete_document",
  "create_company",
  "update_company",
];
const administering: readonly Action[] = [
  ...accounting,
  "manage_webhooks",
  "manage_members",
  "manage_settings",
  "manage_api_keys",
];

/** What each role may do wherever it reaches; a client reaches only its own companies. */
const allowed: Record<Role, ReadonlySet<Action>> = {
  owner: new Set(ACTIONS),
  admin: new Set(administering),
  accountant: new Set(accounting),
  viewer: new Set(viewing),
  // An outside user (the company itself) sends its statements and sees the results, but the
  // numbers are the firm's to correct and sign off.
  client: new Set<Action>([...viewing, "upload"]),
};

export function can(member: Member | null | undefined, action: Action, resource: Resource): boolean {
  if (!member || member.organisationId !== resource.organisationId) return false;
  if (member.role === "client" && !(resource.companyId && member.companyIds.includes(resource.companyId))) {
    return false;
  }
  return allowed[member.role].has(action);
}

/**
 * The roles an API key may act with: never the owner's (billing, ownership and deleting the
 * organisation stay with people), never a client's (a key is not tied to a client's companies).
 */
export const API_KEY_ROLES = ["admin", "accountant", "viewer"] as const satisfies readonly Role[];
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * Whether `role` allows nothing that `ceiling` does not: a member hands a key no more than they
 * hold themselves. Decided from the actions, so it follows the policy whatever it becomes.
 */
export function roleWithin(role: Role, ceiling: Role): boolean {
  return [...allowed[role]].every((action) => allowed[ceiling].has(action));
}

/** The role that owns the organisation: there is always at least one such member. */
export function holdsOwnership(role: Role): boolean {
  return role === "owner";
}

/** A role that reaches only the companies it was given (membership_companies). */
export function limitedToCompanies(role: Role): boolean {
  return role === "client";
}

/**
 * Whether the member may move someone from role `from` to role `to` (`null`: into or out of the
 * organisation — an invitation, a removal). Managing members is not enough where the owner role
 * is concerned: only an owner grants it or takes it away, so an admin can never oust an owner.
 */
export function mayChangeRole(
  member: Member | null | undefined,
  from: Role | null,
  to: Role | null,
  resource: Resource,
): boolean {
  if (!can(member, "manage_members", resource)) return false;
  const touchesOwnership = (from && holdsOwnership(from)) || (to && holdsOwnership(to));
  return !touchesOwnership || Boolean(member && holdsOwnership(member.role));
}
