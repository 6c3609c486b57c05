import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDatabase, migrateDatabase } from "../platform/db";
import { loadDeployedConfig } from "../platform/sst-resources";

/**
 * Applies drizzle/migrations to DATABASE_URL (or to the embedded PGlite under DATA_DIR when
 * it is unset). Two entry points: `npm run db:migrate`, and the Lambda the deploy invokes
 * whenever the migrations change (stacks/database.ts).
 */
export async function applyMigrations(): Promise<{ applied: number; database: "pglite" | "pg" }> {
  const config = loadDeployedConfig();
  const database = await createDatabase(config, { poolSize: 1 });
  try {
    const { applied } = await migrateDatabase(database);
    return { applied, database: database.kind };
  } finally {
    await database.close();
  }
}

export async function handler(): Promise<{ applied: number; database: "pglite" | "pg" }> {
  const result = await applyMigrations();
  console.log(JSON.stringify({ message: "migrations applied", ...result }));
  return result;
}

function isCommandLine(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isCommandLine()) {
  applyMigrations().then(
    ({ applied, database }) => {
      console.error(
        `Applied ${applied} new migration(s) to the ${database === "pg" ? "DATABASE_URL" : "embedded PGlite"} database.`,
      );
    },
    (error: unknown) => {
      console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
