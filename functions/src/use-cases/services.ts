import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import { createMailer, type Mailer } from "../platform/mail";
import type { DocumentQueue } from "../platform/queue";
import type { Storage } from "../platform/storage";
import type { Services } from "./context";
import type { Logger } from "./logger";
import type { WebhookPolicy } from "./webhooks";

export interface ServiceOverrides {
  mailer?: Mailer;
  fetch?: typeof fetch;
  now?: () => Date;
  webhookPolicy?: WebhookPolicy;
}

/** The use cases' view of a process's adapters (Platform from platform/platform.ts or a test's). */
export function createServices(
  platform: { config: Config; db: Database; storage: Storage; queue: DocumentQueue },
  logger: Logger,
  overrides: ServiceOverrides = {},
): Services & { webhookPolicy: WebhookPolicy } {
  return {
    config: platform.config,
    db: platform.db,
    storage: platform.storage,
    queue: platform.queue,
    logger,
    mailer: overrides.mailer ?? createMailer(platform.config),
    fetch: overrides.fetch ?? globalThis.fetch,
    now: overrides.now ?? (() => new Date()),
    // Private addresses are refused unless this is the embedded shape on one machine.
    webhookPolicy: overrides.webhookPolicy ?? { allowPrivateNetworks: false },
  };
}
