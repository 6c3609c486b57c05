import { Hono } from "hono";
import { accountDeletion, deleteAccount, exportAccountData } from "../use-cases/account-data";
import type { Services } from "../use-cases/context";
import type { ApiEnv } from "./env";
import { actorOf, requireUser } from "./require-user";
import { clearSessionCookies } from "./session-cookies";
import { jsonBody } from "./validation";

/** KVKK / GDPR: the user's right to a copy of their data and to erasure. */
export function accountRoutes(services: Services) {
  return new Hono<ApiEnv>()
    .use(requireUser(services))
    .get("/export", async (c) => {
      const data = await exportAccountData(services, actorOf(c));
      c.header("Content-Disposition", `attachment; filename="finstat-account-${data.user.id}.json"`);
      return c.json(data, 200);
    })
    .delete("/", jsonBody(accountDeletion), async (c) => {
      const result = await deleteAccount(services, actorOf(c), c.req.valid("json"));
      clearSessionCookies(c);
      return c.json({ ok: true, ...result }, 200);
    });
}
