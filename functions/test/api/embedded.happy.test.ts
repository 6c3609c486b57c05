import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { type LocalServer, startLocalServer } from "../../src/local/server";
import { loadConfig } from "../../src/platform/config";
import { createLogger } from "../../src/use-cases/logger";
import { freePort } from "../support/free-port";
import { sha256 } from "./support/harness";

/** `npm start` without the web build: real HTTP, PGlite on disk, the durable queue's consumer. */
describe("the embedded shape", () => {
  let server: LocalServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "finstat-embedded-"));
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      LOG_LEVEL: "silent",
      OCR_DPI: "72",
      OCR_WORKERS: "1",
    });
    server = await startLocalServer({ config, logger: createLogger(config), web: false });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("processes an upload with no AWS: register, upload to the signed URL, complete, follow the events", async () => {
    let cookie = "";
    let csrf = "";
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${server.url}${path}`, {
        ...init,
        headers: {
          "content-type": "application/json",
          cookie,
          "x-csrf-token": csrf,
          ...(init.headers as Record<string, string>),
        },
      });
      const set = response.headers.getSetCookie().map((line) => line.split(";")[0]!);
      if (set.length > 0) cookie = set.join("; ");
      return response;
    };
    const credentials = { email: "local@example.com", password: "embedded password" };
    const registered = await call("/api/auth/register", {
      method: "POST",
      body: JSON.stringify({ ...credentials, fullName: "Local" }),
    });
    expect(registered.status).toBe(202);
    const loggedIn = await (
      await call("/api/auth/login", { method: "POST", body: JSON.stringify(credentials) })
    ).json();
    csrf = loggedIn.csrfToken;
    const { company } = await (
      await call("/api/companies", { method: "POST", body: JSON.stringify({ name: "Local Ltd" }) })
    ).json();
    const pdf = await statementPdf({ scale: 71 });
    const { document, upload } = await (
      await call("/api/documents", {
        method: "POST",
        body: JSON.stringify({
          companyId: company.id,
          fileName: "local.pdf",
          contentType: "application/pdf",
          sizeBytes: pdf.byteLength,
          sha256: sha256(pdf),
        }),
      })
    ).json();
    expect(upload.url.startsWith(`${server.url}/api/files/upload/`)).toBe(true);
    const put = await fetch(upload.url, {
      method: upload.method,
      headers: upload.headers,
      body: pdf as Uint8Array<ArrayBuffer>,
    });
    expect(put.status).toBe(200);
    expect((await call(`/api/documents/${document.id}/complete`, { method: "POST" })).status).toBe(202);

    const events = await (await call(`/api/documents/${document.id}/events`)).text();
    expect(events).toMatch(/event: done\n/);
    const statements = await (await call(`/api/documents/${document.id}/statements`)).json();
    expect(statements.statements[0].canonical.total_assets["2024-12-31"]).toBe(
      Math.round(1200 * 71) + Math.round(800 * 71) + Math.round(500 * 71) + Math.round(3000 * 71),
    );
  });
});
