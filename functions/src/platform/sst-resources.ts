import { type Config, loadConfig } from "./config";

/**
 * In AWS, secrets and resource names arrive as SST links rather than environment variables.
 * This module turns the links into the environment names `loadConfig` understands, so the
 * rest of the code never knows which shape it runs in. The embedded start never imports it.
 */

/** The link names the infrastructure (stacks/) must use, and the variable each one sets. */
export const SST_LINKS = [
  { link: "Uploads", property: "name", variable: "S3_BUCKET" },
  { link: "DocumentQueue", property: "url", variable: "QUEUE_URL" },
  { link: "DatabaseUrl", property: "value", variable: "DATABASE_URL" },
  { link: "OpenaiApiKey", property: "value", variable: "OPENAI_API_KEY" },
  { link: "JwtSecret", property: "value", variable: "JWT_SECRET" },
  { link: "Mailer", property: "sender", variable: "MAIL_FROM" },
] as const;

export const SST_LINK_NAMES: readonly string[] = SST_LINKS.map((entry) => entry.link);

type LinkedResources = Record<string, Record<string, unknown> | undefined>;

/** SST sets SST_RESOURCE_App on every function it deploys; its key file carries the links. */
export function isSstRuntime(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SST_RESOURCE_App || env.SST_KEY_FILE);
}

/** Pure mapping, separate from the import so it can be tested without the sst package. */
export function environmentFromLinks(resources: LinkedResources): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { link, property, variable } of SST_LINKS) {
    const value = readLink(resources, link, property);
    if (typeof value === "string" && value !== "") env[variable] = value;
  }
  if (env.MAIL_FROM) env.MAIL_DRIVER = "ses";
  return env;
}

function readLink(resources: LinkedResources, link: string, property: string): unknown {
  try {
    // The sst Resource proxy throws for links the function was not given.
    return resources[link]?.[property];
  } catch {
    return undefined;
  }
}

// Resolved once at module load: `sst` exists only in the deployed bundle, so the import is
// attempted only when SST's own variables say we are running there. The `as string` keeps
// TypeScript from resolving the absent package while bundlers still see a literal specifier.
const sstResource: LinkedResources | undefined = isSstRuntime()
  ? await import("sst" as string).then(
      (module: { Resource?: LinkedResources }) => module.Resource,
      () => undefined,
    )
  : undefined;

/** Environment variables derived from SST links; empty outside AWS. */
export function readSstResources(): Record<string, string> {
  return sstResource ? environmentFromLinks(sstResource) : {};
}

/**
 * Config for the AWS entry points (handlers/*): SST links fill the variables the environment
 * leaves unset, so an operator can still override one by setting it on the function.
 */
export function loadDeployedConfig(env: Record<string, string | undefined> = process.env): Config {
  const explicit = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  return loadConfig({ ...readSstResources(), ...explicit });
}
