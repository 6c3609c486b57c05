import { ACTIONS, type Action, can, type Member, type Resource } from "./access-policy";

/**
 * Everything the policy lets the member do on the resource, so screens show exactly the
 * controls that will work: asked of `can`, never derived from the role here.
 */
export function permissionsOn(member: Member | null | undefined, resource: Resource): Action[] {
  return ACTIONS.filter((action) => can(member, action, resource));
}
