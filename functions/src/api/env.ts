import type { Logger } from "pino";
import type { Actor } from "../use-cases/context";

/**
 * The caller, set by requireUser for every route behind it: a person signed in with the session
 * cookie, or a script with an API key (acting for the member who made it).
 */
export type AuthenticatedUser =
  | { userId: string; sessionId: string; csrfToken: string; apiKey?: undefined }
  | { userId: string; apiKey: NonNullable<Actor["apiKey"]>; sessionId?: undefined; csrfToken?: undefined };

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
