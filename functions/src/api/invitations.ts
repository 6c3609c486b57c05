import { createRoute, z } from "@hono/zod-openapi";
import type { Services } from "../use-cases/context";
import { acceptInvitation, declineInvitation, previewInvitation } from "../use-cases/invitations";
import { clientIp } from "./client-ip";
import { type Answer, apiRouter, jsonAnswer } from "./openapi-route";
import { limitByAddress } from "./rate-limit";
import { actorOf, requireUser } from "./require-user";

const tags = ["invitations"];
// 32 random bytes in base64url; anything else matches no invitation either way.
const tokenParams = z.object({ token: z.string().min(1).max(100) });

export function invitationRoutes(services: Services) {
  const open = limitByAddress(services);
  const preview = createRoute({
    method: "get",
    path: "/{token}",
    summary: "What an invitation link offers: organisation, inviter, role, whether it still holds",
    tags,
    security: [],
    middleware: [open],
    request: { params: tokenParams },
    responses: { 200: jsonAnswer<{ invitation: Answer<typeof previewInvitation> }>("The invitation") },
  });
  const accept = createRoute({
    method: "post",
    path: "/{token}/accept",
    summary: "Join the organisation (signed in with the invited address; once)",
    tags,
    middleware: [requireUser(services)],
    request: { params: tokenParams },
    responses: { 200: jsonAnswer<Answer<typeof acceptInvitation>>("Joined") },
  });
  const decline = createRoute({
    method: "post",
    path: "/{token}/decline",
    summary: "Turn the invitation down (the link is enough)",
    tags,
    security: [],
    middleware: [open],
    request: { params: tokenParams },
    responses: { 200: jsonAnswer<{ ok: boolean }>("Declined") },
  });
  return apiRouter()
    .openapi(preview, async (c) =>
      c.json({ invitation: await previewInvitation(services, c.req.valid("param").token) }, 200),
    )
    .openapi(accept, async (c) =>
      c.json(await acceptInvitation(services, actorOf(c), c.req.valid("param").token), 200),
    )
    .openapi(decline, async (c) => {
      await declineInvitation(services, c.req.valid("param").token, { ip: clientIp(c) });
      return c.json({ ok: true }, 200);
    });
}
