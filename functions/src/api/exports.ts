import { createRoute } from "@hono/zod-openapi";
import type { Services } from "../use-cases/context";
import { emailReport, emailRequest } from "../use-cases/email-report";
import { createExport, exportDownload, exportRequest, listExports } from "../use-cases/exports";
import { type Answer, apiRouter, idParams, jsonAnswer, jsonRequest } from "./openapi-route";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { plainText } from "./validation";

const tags = ["exports"];

const create = createRoute({
  method: "post",
  path: "/{id}/exports",
  summary: "Build an Excel or PDF report",
  tags,
  middleware: [uuidParam("document"), plainText],
  request: { params: idParams("id"), body: jsonRequest(exportRequest) },
  responses: { 201: jsonAnswer<Answer<typeof createExport>>("The report, with its download URL") },
});
const list = createRoute({
  method: "get",
  path: "/{id}/exports",
  summary: "The reports already made of the document, newest first",
  tags,
  middleware: [uuidParam("document")],
  request: { params: idParams("id") },
  responses: { 200: jsonAnswer<Answer<typeof listExports>>("The document's reports") },
});
const email = createRoute({
  method: "post",
  path: "/{id}/email",
  summary: "E-mail the reports",
  tags,
  middleware: [uuidParam("document"), plainText],
  request: { params: idParams("id"), body: jsonRequest(emailRequest) },
  responses: { 202: jsonAnswer<Answer<typeof emailReport>>("Sent") },
});
const download = createRoute({
  method: "get",
  path: "/{id}/download",
  summary: "Redirect to an expiring download URL (JSON with Accept: application/json)",
  tags,
  middleware: [uuidParam("export")],
  request: { params: idParams("id") },
  responses: {
    200: jsonAnswer<{ url: string }>("The download URL, for Accept: application/json"),
    302: { description: "redirect" },
  },
});

/**
 * Report files of a document: made on request, downloaded through expiring URLs, or mailed.
 * Mounted by documentRoutes, behind its requireUser.
 */
export function documentExportRoutes(services: Services) {
  return apiRouter()
    .openapi(create, async (c) =>
      c.json(await createExport(services, actorOf(c), c.req.valid("param").id, c.req.valid("json")), 201),
    )
    .openapi(list, async (c) => c.json(await listExports(services, actorOf(c), c.req.valid("param").id), 200))
    .openapi(email, async (c) =>
      c.json(await emailReport(services, actorOf(c), c.req.valid("param").id, c.req.valid("json")), 202),
    );
}

export function exportRoutes(services: Services) {
  const router = apiRouter();
  router.use(requireUser(services, { apiKeys: true }));
  return router.openapi(download, async (c) => {
    const { url } = await exportDownload(services, actorOf(c), c.req.valid("param").id);
    // JSON callers (the web's typed client) get the URL; a plain link follows the redirect.
    if (c.req.header("accept")?.includes("application/json")) return c.json({ url }, 200);
    return c.redirect(url, 302);
  });
}
