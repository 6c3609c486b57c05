import { Hono } from "hono";
import type { Services } from "../use-cases/context";
import { emailReport, emailRequest } from "../use-cases/email-report";
import { createExport, exportDownload, exportRequest } from "../use-cases/exports";
import type { ApiEnv } from "./env";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { jsonBody } from "./validation";

/**
 * Report files of a document: made on request, downloaded through expiring URLs, or mailed.
 * Mounted by documentRoutes, behind its requireUser.
 */
export function documentExportRoutes(services: Services) {
  return new Hono<ApiEnv>()
    .post("/:id/exports", uuidParam("document"), jsonBody(exportRequest), async (c) =>
      c.json(await createExport(services, actorOf(c), c.req.param("id"), c.req.valid("json")), 201),
    )
    .post("/:id/email", uuidParam("document"), jsonBody(emailRequest), async (c) =>
      c.json(await emailReport(services, actorOf(c), c.req.param("id"), c.req.valid("json")), 202),
    );
}

export function exportRoutes(services: Services) {
  return new Hono<ApiEnv>()
    .use(requireUser(services))
    .get("/:id/download", uuidParam("export"), async (c) => {
      const { url } = await exportDownload(services, actorOf(c), c.req.param("id"));
      // JSON callers (the web's typed client) get the URL; a plain link follows the redirect.
      if (c.req.header("accept")?.includes("application/json")) return c.json({ url }, 200);
      return c.redirect(url, 302);
    });
}
