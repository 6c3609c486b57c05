import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabase, defaultMigrationsFolder, migrateDatabase } from "../../src/platform/db";

/**
 * Vitest global set-up: migrates one database of each kind before the tests run, so each
 * test database starts as a copy of it instead of running initdb (PGlite: seconds each) and
 * every migration again. PGlite's copy is a dumped data directory in the temporary folder,
 * named after the migrations' contents; PostgreSQL's is a template database of this run.
 * support/databases.ts opens from them, and still migrates each copy (nothing left to apply).
 */
declare module "vitest" {
  interface ProvidedContext {
    /** A dumped, migrated PGlite data directory (empty string: none). */
    pgliteTemplate: string;
    /** A migrated PostgreSQL database to copy with `create database … template` (empty: none). */
    postgresTemplate: string;
  }
}

export default async function prepareDatabaseTemplates(project: TestProject) {
  project.provide("pgliteTemplate", await pgliteTemplate());
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide("postgresTemplate", "");
    return;
  }
  const name = `${testDatabasePrefix(serverUrl)}_template_${process.pid}_${randomBytes(3).toString("hex")}`;
  await administer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase(
    { DATA_DIR: ":memory:", DATABASE_URL: url.toString() },
    { poolSize: 1 },
  );
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  project.provide("postgresTemplate", name);
  return () => administer(serverUrl, `drop database if exists ${name} with (force)`);
}

/** Test databases are named after the run's database, so .ci/run drops what a crash left. */
export function testDatabasePrefix(serverUrl: string): string {
  return (
    new URL(serverUrl).pathname
      .slice(1)
      .replace(/[^a-z0-9_]/gi, "")
      .slice(0, 40) || "finstat_test"
  );
}

export async function administer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The dump for the committed migrations, kept in the temporary folder and made again when the
 * migrations or the locked packages (PGlite's version among them) change.
 */
async function pgliteTemplate(): Promise<string> {
  const folder = defaultMigrationsFolder();
  const digest = createHash("sha256");
  digest.update(readFileSync(fileURLToPath(new URL("../../../package-lock.json", import.meta.url))));
  for (const file of filesUnder(folder)) digest.update(file).update(readFileSync(join(folder, file)));
  const path = join(tmpdir(), `finstat-pglite-migrated-${digest.digest("hex").slice(0, 16)}.tar`);
  if (existsSync(path)) return path;
  const handle = await createDatabase({ DATA_DIR: ":memory:" });
  try {
    await migrateDatabase(handle, folder);
    const dump = await (handle.client as PGlite).dumpDataDir("none");
    // Written aside and renamed, so a parallel run never reads half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, path);
  } finally {
    await handle.close();
  }
  return path;
}

function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(folder, join(prefix, entry.name)) : [join(prefix, entry.name)],
    );
}
