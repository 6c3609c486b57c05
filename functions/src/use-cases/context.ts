import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import type { Mailer } from "../platform/mail";
import type { DocumentQueue } from "../platform/queue";
import type { Storage } from "../platform/storage";
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
  userId: string;
  ip?: string;
}

/** A drizzle transaction or the database itself: use cases composing writes accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];
