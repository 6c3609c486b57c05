import { createRoute, z } from "@hono/zod-openapi";
import type { Services } from "../use-cases/context";
import { assignDocument, assigneeInput } from "../use-cases/document-assignment";
import { documentHistory, historyPage } from "../use-cases/document-history";
import { completeUpload, renewUploadUrl, requestUpload, uploadRequest } from "../use-cases/document-upload";
import {
  deleteDocument,
  documentFilter,
  getDocument,
  listDocuments,
  markReviewed,
  retryDocument,
} from "../use-cases/documents";
import { documentEvents } from "./events";
import { documentExportRoutes } from "./exports";
import { type Answer, apiRouter, idParams, jsonAnswer, jsonRequest } from "./openapi-route";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { resultRoutes } from "./results";
import { plainText } from "./validation";

const tags = ["documents"];
const document = idParams("id");
const known = uuidParam("document");

const upload = createRoute({
  method: "post",
  path: "/",
  summary: "Register an upload; returns the URL to PUT the PDF to",
  tags,
  middleware: [plainText],
  request: { body: jsonRequest(uploadRequest) },
  responses: { 201: jsonAnswer<Answer<typeof requestUpload>>("The upload ticket") },
});
const list = createRoute({
  method: "get",
  path: "/",
  summary: "List documents (filters, paging)",
  tags,
  middleware: [plainText],
  request: { query: documentFilter },
  responses: { 200: jsonAnswer<Answer<typeof listDocuments>>("A page of documents") },
});
const get = createRoute({
  method: "get",
  path: "/{id}",
  summary: "Status, stage, progress and error of a document",
  tags,
  middleware: [known],
  request: { params: document },
  responses: { 200: jsonAnswer<{ document: Answer<typeof getDocument> }>("The document") },
});
const uploadUrl = createRoute({
  method: "post",
  path: "/{id}/upload-url",
  summary: "A fresh upload URL for an unfinished upload",
  tags,
  middleware: [known],
  request: { params: document },
  responses: { 200: jsonAnswer<Answer<typeof renewUploadUrl>>("The new upload ticket") },
});
const complete = createRoute({
  method: "post",
  path: "/{id}/complete",
  summary: "Verify the uploaded file and queue it",
  tags,
  middleware: [known],
  request: { params: document },
  responses: { 202: jsonAnswer<Answer<typeof completeUpload>>("Queued") },
});
const retry = createRoute({
  method: "post",
  path: "/{id}/retry",
  summary: "Process a failed or finished document again",
  tags,
  middleware: [known],
  request: { params: document },
  responses: { 202: jsonAnswer<{ document: Answer<typeof retryDocument> }>("Queued again") },
});
const review = createRoute({
  method: "post",
  path: "/{id}/review",
  summary: "Mark the document as reviewed",
  tags,
  middleware: [known],
  request: { params: document },
  responses: { 200: jsonAnswer<{ document: Answer<typeof markReviewed> }>("Reviewed") },
});
const assign = createRoute({
  method: "put",
  path: "/{id}/assignee",
  summary: "Ask a colleague to review the document (null takes it back)",
  tags,
  middleware: [known],
  request: { params: document, body: jsonRequest(assigneeInput) },
  responses: { 200: jsonAnswer<{ document: Answer<typeof assignDocument> }>("Assigned") },
});
const history = createRoute({
  method: "get",
  path: "/{id}/history",
  summary: "Who changed what on the document, newest first",
  tags,
  middleware: [known, plainText],
  request: { params: document, query: historyPage },
  responses: { 200: jsonAnswer<Answer<typeof documentHistory>>("A page of the document's history") },
});
const remove = createRoute({
  method: "delete",
  path: "/{id}",
  summary: "Delete a document, its results and files",
  tags,
  middleware: [known],
  request: { params: document },
  responses: { 200: jsonAnswer<{ ok: boolean }>("Deleted") },
});
const events = createRoute({
  method: "get",
  path: "/{id}/events",
  summary: "Server-sent events: progress, then done or failed",
  tags,
  middleware: [known],
  request: { params: document },
  responses: {
    200: { description: "text/event-stream", content: { "text/event-stream": { schema: z.string() } } },
  },
});

/** Documents, with what was read from them (results) and their reports (exports) beneath. */
export function documentRoutes(services: Services) {
  const router = apiRouter();
  router.use(requireUser(services, { apiKeys: true }));
  return router
    .openapi(upload, async (c) => c.json(await requestUpload(services, actorOf(c), c.req.valid("json")), 201))
    .openapi(list, async (c) => c.json(await listDocuments(services, actorOf(c), c.req.valid("query")), 200))
    .openapi(get, async (c) =>
      c.json({ document: await getDocument(services, actorOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(uploadUrl, async (c) =>
      c.json(await renewUploadUrl(services, actorOf(c), c.req.valid("param").id), 200),
    )
    .openapi(complete, async (c) =>
      c.json(await completeUpload(services, actorOf(c), c.req.valid("param").id), 202),
    )
    .openapi(retry, async (c) =>
      c.json({ document: await retryDocument(services, actorOf(c), c.req.valid("param").id) }, 202),
    )
    .openapi(review, async (c) =>
      c.json({ document: await markReviewed(services, actorOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(assign, async (c) =>
      c.json(
        {
          document: await assignDocument(services, actorOf(c), c.req.valid("param").id, c.req.valid("json")),
        },
        200,
      ),
    )
    .openapi(history, async (c) =>
      c.json(await documentHistory(services, actorOf(c), c.req.valid("param").id, c.req.valid("query")), 200),
    )
    .openapi(remove, async (c) => {
      await deleteDocument(services, actorOf(c), c.req.valid("param").id);
      return c.json({ ok: true }, 200);
    })
    .openapi(events, (c) => documentEvents(services, c, actorOf(c), c.req.valid("param").id))
    .route("/", resultRoutes(services))
    .route("/", documentExportRoutes(services));
}
