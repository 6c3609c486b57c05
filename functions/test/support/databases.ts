import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createDatabase, type Database, type DatabaseHandle, migrateDatabase } from "../../src/platform/db";
import { administer, testDatabasePrefix } from "./database-templates";

/**
 * Repository tests run against every database the machine offers: PGlite always, and the
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (.ci/run and CI set it).
 * Each `open()` gives a fresh, migrated database of its own, so test files never share rows.
 * It starts as a copy of the database support/database-templates.ts migrated before the run
 * (unless `migrationsFolder` asks for other migrations), then migrates: nothing is left to do.
 *
 *   describe.each(databaseTargets())("documents on $name", (target) => {
 *     let database: TestDatabase;
 *     beforeAll(async () => { database = await target.open(); });
 *     afterAll(() => database.destroy());
 *     it("...", async () => { await database.db.insert(users)... });
 *   });
 */
export type DatabaseTargetName = "pglite" | "postgres";

export interface TestDatabase {
  name: DatabaseTargetName;
  handle: DatabaseHandle;
  db: Database;
  /** What loadConfig (or a child process) needs to reach this same database. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  /** Closes the connection but keeps the database (PGlite: releases its directory). */
  disconnect(): Promise<void>;
  /** Connects again after `disconnect()`; `handle` and `db` then point at the new connection. */
  reconnect(): Promise<void>;
  /** Closes and deletes the database. */
  destroy(): Promise<void>;
}

export interface DatabaseTarget {
  name: DatabaseTargetName;
  /**
   * `onDisk` keeps PGlite in a temporary directory, so another process can open it in turn;
   * `migrationsFolder` migrates with those migrations instead of the committed ones (a data
   * migration's test starts from the schema before it).
   */
  open(options?: OpenOptions): Promise<TestDatabase>;
}

export interface OpenOptions {
  onDisk?: boolean;
  migrationsFolder?: string;
}

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: "pglite", open: openPglite }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) targets.push({ name: "postgres", open: (options) => openPostgres(serverUrl, options) });
  return targets;
}

async function openPglite(options: OpenOptions = {}): Promise<TestDatabase> {
  const dataDir = options.onDisk ? await mkdtemp(join(tmpdir(), "finstat-pglite-")) : ":memory:";
  const env = { DATA_DIR: dataDir };
  const template = options.migrationsFolder ? "" : inject("pgliteTemplate");
  const pgliteDataDir = template ? new Blob([await readFile(template)]) : undefined;
  return managed("pglite", env, options.migrationsFolder, pgliteDataDir, async () => {
    if (dataDir !== ":memory:") await rm(dataDir, { recursive: true, force: true });
  });
}

async function openPostgres(serverUrl: string, options: OpenOptions = {}): Promise<TestDatabase> {
  const url = new URL(serverUrl);
  const name =
    `${testDatabasePrefix(serverUrl)}_${process.pid}_${randomBytes(3).toString("hex")}`.toLowerCase();
  const template = options.migrationsFolder ? "" : inject("postgresTemplate");
  await administer(serverUrl, `create database ${name}${template ? ` template ${template}` : ""}`);
  url.pathname = `/${name}`;
  const env = { DATA_DIR: ":memory:", DATABASE_URL: url.toString() };
  return managed("postgres", env, options.migrationsFolder, undefined, () =>
    administer(serverUrl, `drop database if exists ${name} with (force)`),
  );
}

async function managed(
  name: DatabaseTargetName,
  env: TestDatabase["env"],
  migrationsFolder: string | undefined,
  pgliteDataDir: Blob | undefined,
  drop: () => Promise<void>,
): Promise<TestDatabase> {
  let handle = await createDatabase(env, { poolSize: 4, pgliteDataDir });
  await migrateDatabase(handle, migrationsFolder);
  const database: TestDatabase = {
    name,
    handle,
    db: handle.db,
    env,
    async disconnect() {
      await handle.close();
    },
    async reconnect() {
      handle = await createDatabase(env, { poolSize: 4 });
      database.handle = handle;
      database.db = handle.db;
    },
    async destroy() {
      await handle.close();
      await drop();
    },
  };
  return database;
}
