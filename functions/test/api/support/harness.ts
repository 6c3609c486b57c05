import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createApp } from "../../../src/api/app";
import { sharedOcrEngine } from "../../../src/pipeline/pdf";
import { type Config, loadConfig } from "../../../src/platform/config";
import { createMemoryMailer, type MemoryMailer } from "../../../src/platform/mail";
import { createDatabaseQueue } from "../../../src/platform/queue";
import { createLocalStorage, createUrlSigner, type SelfServedStorage } from "../../../src/platform/storage";
import { createLogger } from "../../../src/use-cases/logger";
import { createServices } from "../../../src/use-cases/services";
import { processDocument, type WorkerServices } from "../../../src/worker/process-document";
import type { DatabaseTarget, TestDatabase } from "../../support/databases";
import { ApiClient } from "./client";

export interface TestApi {
  database: TestDatabase;
  config: Config;
  storage: SelfServedStorage;
  queue: ReturnType<typeof createDatabaseQueue>;
  mailer: MemoryMailer;
  app: ReturnType<typeof createApp>;
  worker: WorkerServices;
  /** Every log line written while the test ran (JSON strings). */
  logs: string[];
  client(): ApiClient;
  close(): Promise<void>;
}

/**
 * The real API on a real database (PGlite or the local server), with files under a temporary
 * directory behind the same signed URLs the embedded shape serves, the database queue, an
 * in-memory mailer, and the worker's services for processing documents in the test.
 */
export async function openTestApi(
  target: DatabaseTarget,
  overrides: Record<string, string> = {},
  options: { fetch?: typeof fetch; onDisk?: boolean } = {},
): Promise<TestApi> {
  const database = await target.open({ onDisk: options.onDisk });
  // On disk, files live beside the PGlite directory, where another process's config finds them.
  const dataDir =
    options.onDisk && database.env.DATA_DIR !== ":memory:"
      ? database.env.DATA_DIR
      : await mkdtemp(join(tmpdir(), "finstat-api-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: "test-secret-that-is-long-enough-for-hs256!",
    PUBLIC_URL: "http://localhost:3000",
    LOG_LEVEL: "info",
    OCR_DPI: "72",
    OCR_WORKERS: "1",
    DOCUMENT_LEASE_SECONDS: "30",
    ...overrides,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(config, sink);
  const storage = createLocalStorage({
    root: join(dataDir, "files"),
    signer: createUrlSigner(config.JWT_SECRET),
    publicUrl: config.PUBLIC_URL,
  });
  const queue = createDatabaseQueue(database.db, {
    visibilityTimeoutSeconds: config.DOCUMENT_LEASE_SECONDS,
    maxAttempts: config.QUEUE_MAX_ATTEMPTS,
    retryDelaySeconds: () => 0,
  });
  const mailer = createMemoryMailer();
  const webhookPolicy = { allowPrivateNetworks: true };
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const app = createApp({
    config,
    database: database.handle,
    storage,
    queue,
    logger,
    mailer,
    webhookPolicy,
    fetch: fetchImpl,
  });
  const worker: WorkerServices = {
    ...createServices({ config, db: database.db, storage, queue }, logger, {
      mailer,
      webhookPolicy,
      fetch: fetchImpl,
    }),
    ocr: sharedOcrEngine({ workers: 1 }),
  };
  return {
    database,
    config,
    storage,
    queue,
    mailer,
    app,
    worker,
    logs,
    client: () => new ApiClient(app),
    async close() {
      await database.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** register → company → upload → complete, returning the ids; processing is left to the caller. */
export async function uploadDocument(
  client: ApiClient,
  companyId: string,
  pdf: Uint8Array,
  fileName = "statement.pdf",
) {
  const created = await client.post("/api/documents", {
    companyId,
    fileName,
    contentType: "application/pdf",
    sizeBytes: pdf.byteLength,
    sha256: sha256(pdf),
  });
  if (created.status !== 201)
    throw new Error(`upload request failed: ${created.status} ${JSON.stringify(created.body)}`);
  const { document, upload } = created.body as {
    document: { id: string };
    upload: { url: string; method: string; headers: Record<string, string> };
  };
  const put = await client.raw(upload.url, {
    method: upload.method,
    headers: upload.headers,
    body: pdf as Uint8Array<ArrayBuffer>,
  });
  if (put.status !== 200) throw new Error(`upload PUT failed: ${put.status} ${await put.text()}`);
  const completed = await client.post(`/api/documents/${document.id}/complete`);
  if (completed.status !== 202)
    throw new Error(`complete failed: ${completed.status} ${JSON.stringify(completed.body)}`);
  return document.id;
}

export async function processQueued(api: TestApi, documentId: string) {
  return processDocument(api.worker, documentId, { attempt: 1, maxAttempts: api.config.QUEUE_MAX_ATTEMPTS });
}
