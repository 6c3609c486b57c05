import { createRoute } from "@hono/zod-openapi";
import {
  companyInput,
  companyPatch,
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  updateCompany,
} from "../use-cases/companies";
import type { Services } from "../use-cases/context";
import { companyAnalysis } from "../use-cases/results";
import { type Answer, apiRouter, idParams, jsonAnswer, jsonRequest } from "./openapi-route";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { plainText } from "./validation";

const tags = ["companies"];
const company = idParams("id");

const list = createRoute({
  method: "get",
  path: "/",
  summary: "List companies",
  tags,
  responses: { 200: jsonAnswer<{ companies: Answer<typeof listCompanies> }>("The user's companies") },
});
const create = createRoute({
  method: "post",
  path: "/",
  summary: "Create a company",
  tags,
  middleware: [plainText],
  request: { body: jsonRequest(companyInput) },
  responses: { 201: jsonAnswer<{ company: Answer<typeof createCompany> }>("Created") },
});
const get = createRoute({
  method: "get",
  path: "/{id}",
  summary: "Get a company",
  tags,
  middleware: [uuidParam("company")],
  request: { params: company },
  responses: { 200: jsonAnswer<{ company: Answer<typeof getCompany> }>("The company") },
});
const update = createRoute({
  method: "patch",
  path: "/{id}",
  summary: "Update a company",
  tags,
  middleware: [uuidParam("company"), plainText],
  request: { params: company, body: jsonRequest(companyPatch) },
  responses: { 200: jsonAnswer<{ company: Answer<typeof updateCompany> }>("Updated") },
});
const remove = createRoute({
  method: "delete",
  path: "/{id}",
  summary: "Delete a company with its documents and files",
  tags,
  middleware: [uuidParam("company")],
  request: { params: company },
  responses: { 200: jsonAnswer<{ ok: boolean }>("Deleted") },
});
const analysis = createRoute({
  method: "get",
  path: "/{id}/analysis",
  summary: "Timeline, ratios, comparison, trends, alerts, peers",
  tags: ["results"],
  middleware: [uuidParam("company")],
  request: { params: company },
  responses: { 200: jsonAnswer<{ analysis: Answer<typeof companyAnalysis> }>("The company's analysis") },
});

export function companyRoutes(services: Services) {
  const router = apiRouter();
  router.use(requireUser(services, { apiKeys: true }));
  return router
    .openapi(list, async (c) => c.json({ companies: await listCompanies(services, actorOf(c)) }, 200))
    .openapi(create, async (c) =>
      c.json({ company: await createCompany(services, actorOf(c), c.req.valid("json")) }, 201),
    )
    .openapi(get, async (c) =>
      c.json({ company: await getCompany(services, actorOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(update, async (c) =>
      c.json(
        { company: await updateCompany(services, actorOf(c), c.req.valid("param").id, c.req.valid("json")) },
        200,
      ),
    )
    .openapi(remove, async (c) => {
      await deleteCompany(services, actorOf(c), c.req.valid("param").id);
      return c.json({ ok: true }, 200);
    })
    .openapi(analysis, async (c) =>
      c.json({ analysis: await companyAnalysis(services, actorOf(c), c.req.valid("param").id) }, 200),
    );
}
