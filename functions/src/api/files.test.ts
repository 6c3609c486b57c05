import { Hono } from "hono";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createMemoryStorage } from "../platform/storage/memory-storage";
import { errorHandler } from "./errors";
import { fileRoutes } from "./files";

function setup() {
  const storage = createMemoryStorage({ publicUrl: "http://finstat.test" });
  const app = new Hono().basePath("/api");
  app.onError(errorHandler(pino({ level: "silent" })));
  app.route("/files", fileRoutes(storage));
  const send = (url: string, init?: RequestInit) => app.request(url.replace("http://finstat.test", ""), init);
  return { storage, send };
}

describe("file routes over memory storage", () => {
  it("stores an upload made to a presigned URL and serves it back for download", async () => {
    const { storage, send } = setup();
    const presigned = await storage.presignUpload("documents/1/a.pdf", "application/pdf", 100, 60);
    expect(presigned.url).toMatch(/^http:\/\/finstat\.test\/api\/files\/upload\//);
    const put = await send(presigned.url, { method: "PUT", body: "%PDF-1.7", headers: presigned.headers });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ key: "documents/1/a.pdf", size: 8 });
    expect(storage.objects.get("documents/1/a.pdf")?.contentType).toBe("application/pdf");

    const download = await send(await storage.presignDownload("documents/1/a.pdf", "Mizan 2024.pdf"));
    expect(download.status).toBe(200);
    expect(await download.text()).toBe("%PDF-1.7");
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''Mizan%202024.pdf");
  });

  it("answers 404 for a download whose object is gone", async () => {
    const { storage, send } = setup();
    const response = await send(await storage.presignDownload("documents/missing.pdf", "x.pdf"));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("file_not_found");
  });

  it("refuses a mismatched type, an oversized body and a forged token", async () => {
    const { storage, send } = setup();
    const presigned = await storage.presignUpload("documents/2/b.pdf", "application/pdf", 4, 60);
    expect(
      (await send(presigned.url, { method: "PUT", body: "%PDF", headers: { "Content-Type": "image/png" } }))
        .status,
    ).toBe(415);
    expect(
      (await send(presigned.url, { method: "PUT", body: "%PDF-1.7", headers: presigned.headers })).status,
    ).toBe(413);
    expect(
      (await send(`${presigned.url}x`, { method: "PUT", body: "%PDF", headers: presigned.headers })).status,
    ).toBe(403);
    expect(storage.objects.size).toBe(0);
  });
});
