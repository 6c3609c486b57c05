import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import type { Mailer } from "../platform/mail";
import type { DocumentQueue } from "../platform/queue";
import type { Storage } from "../platform/storage";
import type { Role } from "./access-policy";
import type { Logger } from "./logger";

/**
 * Everything a use case may touch, passed in rather than imported, so the same verbs run on
 * Lambda, in the embedded process and in tests against PGlite.
 */
export interface Services {
  config: Config;
  db: Database;
  storage: Storage;
  queue: DocumentQueue;
  mailer: Mailer;
  logger: Logger;
  /** Outgoing HTTP for webhooks; tests point it at a local receiver. */
  fetch: typeof fetch;
  now(): Date;
}

/** The caller of an API use case, after authentication. */
export interface Actor {
  /** The signed-in person, or for an API key the member who created it. */
  userId: string;
  ip?: string;
  /**
   * The organisation the caller is working in (the web's organisation switcher, the
   * X-Organisation-Id header): lists show it alone and new companies go into it. Unset: every
   * organisation they belong to is listed, and new things go into their personal one.
   */
  organisationId?: string;
  /** Set when the call came with an API key: it acts in that organisation alone, with its role. */
  apiKey?: { id: string; organisationId: string; role: Role };
}

/** A drizzle transaction or the database itself: use cases composing writes accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];
