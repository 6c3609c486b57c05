import type { Logger } from "pino";

/** The signed-in user, set by requireUser for every route behind it. */
export interface AuthenticatedUser {
  userId: string;
  sessionId: string;
  csrfToken: string;
}

/** Hono's per-request variables for the whole API. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    user: AuthenticatedUser;
    /** The organisation named by X-Organisation-Id, checked to be one of the user's. */
    organisationId?: string;
    logger: Logger;
  };
}
