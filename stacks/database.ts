import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { migratorMemoryMb, migratorTimeoutSeconds } from "./capacity";
import type { DatabaseMode } from "./settings";

export const migrationsDirectory = "drizzle/migrations";

/**
 * The code reads one thing, Resource.DatabaseUrl.value, in both modes:
 * - `url`: a secret holding any Postgres URL (Neon, Supabase, an existing RDS ...);
 * - `postgres`: RDS Postgres in a VPC behind RDS Proxy, with the URL assembled from the
 *   component's outputs into a Linkable of the same name. The functions then join the VPC.
 */
export function createDatabase(mode: DatabaseMode, nat: "ec2" | "managed") {
  if (mode === "url") {
    return { databaseUrl: new sst.Secret("DatabaseUrl"), vpc: undefined, postgres: undefined };
  }
  // The functions reach S3, SQS, SES and OpenAI through the NAT.
  const vpc = new sst.aws.Vpc("Vpc", { nat });
  const postgres = new sst.aws.Postgres("Database", { vpc, proxy: true });
  const password = postgres.password.apply((value: string) => encodeURIComponent(value));
  // The proxy presents a public (ACM) certificate, so full verification works with Node's CAs.
  const databaseUrl = new sst.Linkable("DatabaseUrl", {
    properties: {
      value: $interpolate`postgres://${postgres.username}:${password}@${postgres.host}:${postgres.port}/${postgres.database}?sslmode=verify-full`,
    },
  });
  return { databaseUrl, vpc, postgres };
}

/**
 * Applies the committed drizzle migrations on every deploy that changes them: the Invocation
 * re-runs when the migrations' hash changes, and a failing migration fails the deploy.
 */
export function createMigrator(links: unknown[], vpc: unknown) {
  const migrator = new sst.aws.Function("DatabaseMigrator", {
    handler: "functions/src/handlers/migrate.handler",
    runtime: "nodejs24.x",
    timeout: `${migratorTimeoutSeconds} seconds`,
    memory: `${migratorMemoryMb} MB`,
    link: links,
    vpc,
    copyFiles: [{ from: migrationsDirectory, to: migrationsDirectory }],
    environment: { DATA_DIR: "/tmp/finstat" },
  });
  const migrationsHash = hashMigrations(migrationsDirectory);
  const migration = new aws.lambda.Invocation("DatabaseMigration", {
    functionName: migrator.name,
    input: JSON.stringify({ source: "deploy", migrationsHash }),
    triggers: { migrationsHash },
  });
  return { migrator, migration };
}

function hashMigrations(directory: string): string {
  const hash = createHash("sha256");
  if (!existsSync(directory)) return hash.digest("hex");
  for (const file of listFiles(directory).sort()) {
    hash.update(file).update(readFileSync(join(directory, file)));
  }
  return hash.digest("hex");
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1));
}
