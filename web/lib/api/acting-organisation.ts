/**
 * The organisation chosen in the header's switcher, remembered in this browser and sent as
 * X-Organisation-Id on every API call, so lists show it alone and new companies go into it.
 */
const STORAGE_KEY = "finstat.organisation";
export const ORGANISATION_HEADER = "X-Organisation-Id";

/**
 * Calls that name their organisation themselves, or come before one is known: the header would
 * only get in the way (a remembered organisation one has left would answer 404 to everything).
 */
const WITHOUT_ORGANISATION = ["/api/auth/", "/api/organisations", "/api/invitations/"];

export function actingOrganisation(): string | null {
  if (typeof window === "undefined") return null;
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function chooseOrganisation(organisationId: string | null): void {
  try {
    if (organisationId) window.localStorage.setItem(STORAGE_KEY, organisationId);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the choice lasts until the page is left.
  }
}

export function sendsOrganisation(path: string): boolean {
  return !WITHOUT_ORGANISATION.some((prefix) => path.startsWith(prefix));
}
