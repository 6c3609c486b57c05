import { Hono } from "hono";
import {
  companyInput,
  companyPatch,
  createCompany,
  deleteCompany,
  listCompanies,
  ownedCompany,
  updateCompany,
} from "../use-cases/companies";
import type { Services } from "../use-cases/context";
import { companyAnalysis } from "../use-cases/results";
import type { ApiEnv } from "./env";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { jsonBody } from "./validation";

export function companyRoutes(services: Services) {
  return new Hono<ApiEnv>()
    .use(requireUser(services))
    .get("/", async (c) => c.json({ companies: await listCompanies(services, actorOf(c)) }, 200))
    .post("/", jsonBody(companyInput), async (c) =>
      c.json({ company: await createCompany(services, actorOf(c), c.req.valid("json")) }, 201),
    )
    .get("/:id", uuidParam("company"), async (c) =>
      c.json({ company: await ownedCompany(services, actorOf(c), c.req.param("id")) }, 200),
    )
    .patch("/:id", uuidParam("company"), jsonBody(companyPatch), async (c) =>
      c.json(
        { company: await updateCompany(services, actorOf(c), c.req.param("id"), c.req.valid("json")) },
        200,
      ),
    )
    .delete("/:id", uuidParam("company"), async (c) => {
      await deleteCompany(services, actorOf(c), c.req.param("id"));
      return c.json({ ok: true }, 200);
    })
    .get("/:id/analysis", uuidParam("company"), async (c) =>
      c.json({ analysis: await companyAnalysis(services, actorOf(c), c.req.param("id")) }, 200),
    );
}
