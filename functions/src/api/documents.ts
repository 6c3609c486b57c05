import { Hono } from "hono";
import type { Services } from "../use-cases/context";
import { completeUpload, renewUploadUrl, requestUpload, uploadRequest } from "../use-cases/document-upload";
import {
  deleteDocument,
  documentFilter,
  getDocument,
  listDocuments,
  markReviewed,
  retryDocument,
} from "../use-cases/documents";
import type { ApiEnv } from "./env";
import { documentEvents } from "./events";
import { documentExportRoutes } from "./exports";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { resultRoutes } from "./results";
import { jsonBody, queryOf } from "./validation";

export function documentRoutes(services: Services) {
  return new Hono<ApiEnv>()
    .use(requireUser(services))
    .post("/", jsonBody(uploadRequest), async (c) =>
      c.json(await requestUpload(services, actorOf(c), c.req.valid("json")), 201),
    )
    .get("/", queryOf(documentFilter), async (c) =>
      c.json(await listDocuments(services, actorOf(c), c.req.valid("query")), 200),
    )
    .get("/:id", uuidParam("document"), async (c) =>
      c.json({ document: await getDocument(services, actorOf(c), c.req.param("id")) }, 200),
    )
    .post("/:id/upload-url", uuidParam("document"), async (c) =>
      c.json(await renewUploadUrl(services, actorOf(c), c.req.param("id")), 200),
    )
    .post("/:id/complete", uuidParam("document"), async (c) =>
      c.json(await completeUpload(services, actorOf(c), c.req.param("id")), 202),
    )
    .post("/:id/retry", uuidParam("document"), async (c) =>
      c.json({ document: await retryDocument(services, actorOf(c), c.req.param("id")) }, 202),
    )
    .post("/:id/review", uuidParam("document"), async (c) =>
      c.json({ document: await markReviewed(services, actorOf(c), c.req.param("id")) }, 200),
    )
    .delete("/:id", uuidParam("document"), async (c) => {
      await deleteDocument(services, actorOf(c), c.req.param("id"));
      return c.json({ ok: true }, 200);
    })
    .get("/:id/events", uuidParam("document"), (c) =>
      documentEvents(services, c, actorOf(c), c.req.param("id")),
    )
    .route("/", resultRoutes(services))
    .route("/", documentExportRoutes(services));
}
