import { Hono } from "hono";
import { z } from "zod";
import type { Services } from "../use-cases/context";
import { correctValue } from "../use-cases/correct-value";
import { valueCorrection } from "../use-cases/correction";
import { pageImage } from "../use-cases/documents";
import { notFound } from "../use-cases/errors";
import { documentAnalysis, documentStatements } from "../use-cases/results";
import { setStatementCurrency, statementCurrency } from "../use-cases/statement-currency";
import type { ApiEnv } from "./env";
import { uuidParam } from "./params";
import { actorOf } from "./require-user";
import { jsonBody } from "./validation";

const pageNumber = z.coerce.number().int().min(1).max(10_000);

/**
 * What was read from a document, its analysis, the page images, and corrections. Mounted by
 * documentRoutes, behind its requireUser.
 */
export function resultRoutes(services: Services) {
  return new Hono<ApiEnv>()
    .get("/:id/statements", uuidParam("document"), async (c) =>
      c.json(await documentStatements(services, actorOf(c), c.req.param("id")), 200),
    )
    .patch(
      "/:id/statements/:statementId/values",
      uuidParam("statement", "id", "statementId"),
      jsonBody(valueCorrection),
      async (c) =>
        c.json(
          await correctValue(
            services,
            actorOf(c),
            c.req.param("id"),
            c.req.param("statementId"),
            c.req.valid("json"),
          ),
          200,
        ),
    )
    .patch(
      "/:id/statements/:statementId/currency",
      uuidParam("statement", "id", "statementId"),
      jsonBody(statementCurrency),
      async (c) =>
        c.json(
          await setStatementCurrency(
            services,
            actorOf(c),
            c.req.param("id"),
            c.req.param("statementId"),
            c.req.valid("json"),
          ),
          200,
        ),
    )
    .get("/:id/analysis", uuidParam("document"), async (c) =>
      c.json({ analysis: await documentAnalysis(services, actorOf(c), c.req.param("id")) }, 200),
    )
    .get("/:id/pages/:n", uuidParam("document"), async (c) => {
      const page = pageNumber.safeParse(c.req.param("n"));
      if (!page.success) throw notFound("page");
      const png = await pageImage(services, actorOf(c), c.req.param("id"), page.data);
      return c.body(png as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "image/png",
        "Cache-Control": "private, max-age=3600",
      });
    });
}
