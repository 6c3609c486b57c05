import { createRoute } from "@hono/zod-openapi";
import type { Services } from "../use-cases/context";
import { invitationInput, inviteMember, listInvitations, revokeInvitation } from "../use-cases/invitations";
import {
  changeMemberRole,
  leaveOrganisation,
  listMembers,
  ownershipTransfer,
  removeMember,
  roleChange,
  transferOwnership,
} from "../use-cases/members";
import {
  createOrganisation,
  deleteOrganisation,
  listOrganisations,
  organisationInput,
  renameOrganisation,
} from "../use-cases/organisations";
import { type Answer, apiRouter, idParams, jsonAnswer, jsonRequest } from "./openapi-route";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { plainText } from "./validation";

const tags = ["organisations"];
const organisation = idParams("organisationId");
const member = idParams("organisationId", "userId");
const invitation = idParams("organisationId", "invitationId");
const inOrganisation = uuidParam("organisation", "organisationId");
const ok = jsonAnswer<{ ok: boolean }>("Done");

const list = createRoute({
  method: "get",
  path: "/",
  summary: "The caller's organisations, with their role in each",
  tags,
  responses: { 200: jsonAnswer<{ organisations: Answer<typeof listOrganisations> }>("Organisations") },
});
const create = createRoute({
  method: "post",
  path: "/",
  summary: "Create a firm's organisation; the caller becomes its owner",
  tags,
  middleware: [plainText],
  request: { body: jsonRequest(organisationInput) },
  responses: { 201: jsonAnswer<{ organisation: Answer<typeof createOrganisation> }>("Created") },
});
const rename = createRoute({
  method: "patch",
  path: "/{organisationId}",
  summary: "Rename an organisation",
  tags,
  middleware: [inOrganisation, plainText],
  request: { params: organisation, body: jsonRequest(organisationInput) },
  responses: { 200: jsonAnswer<{ organisation: Answer<typeof renameOrganisation> }>("Renamed") },
});
const remove = createRoute({
  method: "delete",
  path: "/{organisationId}",
  summary: "Delete a firm's organisation with its companies",
  tags,
  middleware: [inOrganisation],
  request: { params: organisation },
  responses: { 200: ok },
});
const members = createRoute({
  method: "get",
  path: "/{organisationId}/members",
  summary: "Members with their roles and, for clients, companies",
  tags,
  middleware: [inOrganisation],
  request: { params: organisation },
  responses: { 200: jsonAnswer<{ members: Answer<typeof listMembers> }>("Members") },
});
const changeRole = createRoute({
  method: "patch",
  path: "/{organisationId}/members/{userId}",
  summary: "Change a member's role (only an owner grants or takes the owner role)",
  tags,
  middleware: [uuidParam("member", "organisationId", "userId")],
  request: { params: member, body: jsonRequest(roleChange) },
  responses: { 200: jsonAnswer<{ member: Answer<typeof changeMemberRole> }>("Changed") },
});
const removeOne = createRoute({
  method: "delete",
  path: "/{organisationId}/members/{userId}",
  summary: "Remove a member",
  tags,
  middleware: [uuidParam("member", "organisationId", "userId")],
  request: { params: member },
  responses: { 200: ok },
});
const leave = createRoute({
  method: "post",
  path: "/{organisationId}/leave",
  summary: "Leave the organisation (not as its last owner)",
  tags,
  middleware: [inOrganisation],
  request: { params: organisation },
  responses: { 200: ok },
});
const transfer = createRoute({
  method: "post",
  path: "/{organisationId}/transfer-ownership",
  summary: "Make another member owner; the caller becomes admin",
  tags,
  middleware: [inOrganisation],
  request: { params: organisation, body: jsonRequest(ownershipTransfer) },
  responses: { 200: ok },
});
const invitations = createRoute({
  method: "get",
  path: "/{organisationId}/invitations",
  summary: "Invitations waiting for an answer",
  tags,
  middleware: [inOrganisation],
  request: { params: organisation },
  responses: { 200: jsonAnswer<{ invitations: Answer<typeof listInvitations> }>("Pending invitations") },
});
const invite = createRoute({
  method: "post",
  path: "/{organisationId}/invitations",
  summary: "Invite an address by e-mail with a role (replaces a pending invitation to it)",
  tags,
  middleware: [inOrganisation, plainText],
  request: { params: organisation, body: jsonRequest(invitationInput) },
  responses: { 201: jsonAnswer<Answer<typeof inviteMember>>("Invited; the e-mail is sent") },
});
const revoke = createRoute({
  method: "delete",
  path: "/{organisationId}/invitations/{invitationId}",
  summary: "Withdraw an invitation",
  tags,
  middleware: [uuidParam("invitation", "organisationId", "invitationId")],
  request: { params: invitation },
  responses: { 200: ok },
});

export function organisationRoutes(services: Services) {
  const router = apiRouter();
  router.use(requireUser(services));
  return router
    .openapi(list, async (c) => c.json({ organisations: await listOrganisations(services, actorOf(c)) }, 200))
    .openapi(create, async (c) =>
      c.json({ organisation: await createOrganisation(services, actorOf(c), c.req.valid("json")) }, 201),
    )
    .openapi(rename, async (c) => {
      const { organisationId } = c.req.valid("param");
      const renamed = await renameOrganisation(services, actorOf(c), organisationId, c.req.valid("json"));
      return c.json({ organisation: renamed }, 200);
    })
    .openapi(remove, async (c) => {
      await deleteOrganisation(services, actorOf(c), c.req.valid("param").organisationId);
      return c.json({ ok: true }, 200);
    })
    .openapi(members, async (c) =>
      c.json({ members: await listMembers(services, actorOf(c), c.req.valid("param").organisationId) }, 200),
    )
    .openapi(changeRole, async (c) => {
      const { organisationId, userId } = c.req.valid("param");
      const changed = await changeMemberRole(
        services,
        actorOf(c),
        organisationId,
        userId,
        c.req.valid("json"),
      );
      return c.json({ member: changed }, 200);
    })
    .openapi(removeOne, async (c) => {
      const { organisationId, userId } = c.req.valid("param");
      await removeMember(services, actorOf(c), organisationId, userId);
      return c.json({ ok: true }, 200);
    })
    .openapi(leave, async (c) => {
      await leaveOrganisation(services, actorOf(c), c.req.valid("param").organisationId);
      return c.json({ ok: true }, 200);
    })
    .openapi(transfer, async (c) => {
      const { organisationId } = c.req.valid("param");
      await transferOwnership(services, actorOf(c), organisationId, c.req.valid("json"));
      return c.json({ ok: true }, 200);
    })
    .openapi(invitations, async (c) => {
      const { organisationId } = c.req.valid("param");
      return c.json({ invitations: await listInvitations(services, actorOf(c), organisationId) }, 200);
    })
    .openapi(invite, async (c) => {
      const { organisationId } = c.req.valid("param");
      return c.json(await inviteMember(services, actorOf(c), organisationId, c.req.valid("json")), 201);
    })
    .openapi(revoke, async (c) => {
      const { organisationId, invitationId } = c.req.valid("param");
      await revokeInvitation(services, actorOf(c), organisationId, invitationId);
      return c.json({ ok: true }, 200);
    });
}
