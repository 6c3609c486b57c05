import { createRoute } from "@hono/zod-openapi";
import { accountDeletion, deleteAccount, exportAccountData } from "../use-cases/account-data";
import type { Services } from "../use-cases/context";
import { type Answer, apiRouter, jsonAnswer, jsonRequest } from "./openapi-route";
import { actorOf, requireUser } from "./require-user";
import { clearSessionCookies } from "./session-cookies";
import { plainText } from "./validation";

const tags = ["account"];

const exportData = createRoute({
  method: "get",
  path: "/export",
  summary: "All data stored about the user (KVKK/GDPR)",
  tags,
  responses: { 200: jsonAnswer<Answer<typeof exportAccountData>>("The user's data, as an attachment") },
});
const erase = createRoute({
  method: "delete",
  path: "/",
  summary: "Delete the account and all its data (KVKK/GDPR)",
  tags,
  middleware: [plainText],
  request: { body: jsonRequest(accountDeletion) },
  responses: { 200: jsonAnswer<{ ok: boolean } & Answer<typeof deleteAccount>>("Deleted") },
});

/** KVKK / GDPR: the user's right to a copy of their data and to erasure. */
export function accountRoutes(services: Services) {
  const router = apiRouter();
  router.use(requireUser(services));
  return router
    .openapi(exportData, async (c) => {
      const data = await exportAccountData(services, actorOf(c));
      c.header("Content-Disposition", `attachment; filename="finstat-account-${data.user.id}.json"`);
      return c.json(data, 200);
    })
    .openapi(erase, async (c) => {
      const result = await deleteAccount(services, actorOf(c), c.req.valid("json"));
      clearSessionCookies(c);
      return c.json({ ok: true, ...result }, 200);
    });
}
