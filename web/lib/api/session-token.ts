/**
 * The CSRF token of the current session. It lives only in memory (a cross-site page cannot
 * read it); every tab obtains its own from /api/auth/me, login, register or refresh.
 */
let token: string | null = null;

export function rememberSession(csrfToken: string | null): void {
  token = csrfToken;
}

export function csrfToken(): string | null {
  return token;
}
