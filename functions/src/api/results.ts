import { createRoute, z } from "@hono/zod-openapi";
import type { Services } from "../use-cases/context";
import { correctValue } from "../use-cases/correct-value";
import { valueCorrection } from "../use-cases/correction";
import { pageImage } from "../use-cases/documents";
import { notFound } from "../use-cases/errors";
import { documentAnalysis, documentStatements } from "../use-cases/results";
import { setStatementCurrency, statementCurrency } from "../use-cases/statement-currency";
import { type Answer, apiRouter, idParams, jsonAnswer, jsonRequest } from "./openapi-route";
import { uuidParam } from "./params";
import { actorOf } from "./require-user";
import { plainText } from "./validation";

const tags = ["results"];
const document = idParams("id");
const statement = idParams("id", "statementId");
const pageNumber = z.coerce.number().int().min(1).max(10_000);

const statements = createRoute({
  method: "get",
  path: "/{id}/statements",
  summary: "Statements read from the document",
  tags,
  middleware: [uuidParam("document")],
  request: { params: document },
  responses: { 200: jsonAnswer<Answer<typeof documentStatements>>("The statements") },
});
const correction = createRoute({
  method: "patch",
  path: "/{id}/statements/{statementId}/values",
  summary: "Correct one value; checks and analysis are recomputed",
  tags,
  middleware: [uuidParam("statement", "id", "statementId"), plainText],
  request: { params: statement, body: jsonRequest(valueCorrection) },
  responses: { 200: jsonAnswer<Answer<typeof correctValue>>("The corrected statement") },
});
const currency = createRoute({
  method: "patch",
  path: "/{id}/statements/{statementId}/currency",
  summary: "Set the statement's currency (ISO 4217); amounts are unchanged",
  tags,
  middleware: [uuidParam("statement", "id", "statementId"), plainText],
  request: { params: statement, body: jsonRequest(statementCurrency) },
  responses: { 200: jsonAnswer<Answer<typeof setStatementCurrency>>("The statement") },
});
const analysis = createRoute({
  method: "get",
  path: "/{id}/analysis",
  summary: "Ratios, comparison and alerts of the document",
  tags,
  middleware: [uuidParam("document")],
  request: { params: document },
  responses: { 200: jsonAnswer<{ analysis: Answer<typeof documentAnalysis> }>("The analysis") },
});
const page = createRoute({
  method: "get",
  path: "/{id}/pages/{n}",
  summary: "Rendered page image (PNG)",
  tags,
  middleware: [uuidParam("document")],
  // The page number is checked by the handler: one that cannot exist is a 404, not a 400.
  request: { params: z.object({ id: z.uuid(), n: z.string() }) },
  responses: { 200: { description: "image/png", content: { "image/png": { schema: z.string() } } } },
});

/**
 * What was read from a document, its analysis, the page images, and corrections. Mounted by
 * documentRoutes, behind its requireUser.
 */
export function resultRoutes(services: Services) {
  return apiRouter()
    .openapi(statements, async (c) =>
      c.json(await documentStatements(services, actorOf(c), c.req.valid("param").id), 200),
    )
    .openapi(correction, async (c) => {
      const { id, statementId } = c.req.valid("param");
      return c.json(await correctValue(services, actorOf(c), id, statementId, c.req.valid("json")), 200);
    })
    .openapi(currency, async (c) => {
      const { id, statementId } = c.req.valid("param");
      return c.json(
        await setStatementCurrency(services, actorOf(c), id, statementId, c.req.valid("json")),
        200,
      );
    })
    .openapi(analysis, async (c) =>
      c.json({ analysis: await documentAnalysis(services, actorOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(page, async (c) => {
      const { id, n } = c.req.valid("param");
      const number = pageNumber.safeParse(n);
      if (!number.success) throw notFound("page");
      const png = await pageImage(services, actorOf(c), id, number.data);
      return c.body(png as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "image/png",
        "Cache-Control": "private, max-age=3600",
      });
    });
}
