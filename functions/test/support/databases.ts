import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase, type Database, type DatabaseHandle, migrateDatabase } from "../../src/platform/db";

/**
 * Repository tests run against every database the machine offers: PGlite always, and the
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (.ci/run and CI set it).
 * Each `open()` gives a fresh, migrated database of its own, so test files never share rows.
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

export interface OpenOptions {
  /** Keeps PGlite in a temporary directory, so another process can open it in turn. */
  onDisk?: boolean;
  /** Migrates with this folder instead of the committed one (a migration test's earlier state). */
  migrationsFolder?: string;
}

export interface DatabaseTarget {
  name: DatabaseTargetName;
  open(options?: OpenOptions): Promise<TestDatabase>;
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
  return managed(
    "pglite",
    env,
    async () => {
      if (dataDir !== ":memory:") await rm(dataDir, { recursive: true, force: true });
    },
    options.migrationsFolder,
  );
}

async function openPostgres(serverUrl: string, options: OpenOptions = {}): Promise<TestDatabase> {
  // Named after the run's database, so .ci/run can drop whatever a crashed test left behind.
  const url = new URL(serverUrl);
  const prefix =
    url.pathname
      .slice(1)
      .replace(/[^a-z0-9_]/gi, "")
      .slice(0, 40) || "finstat_test";
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`.toLowerCase();
  await administer(serverUrl, `create database ${name}`);
  url.pathname = `/${name}`;
  const env = { DATA_DIR: ":memory:", DATABASE_URL: url.toString() };
  return managed(
    "postgres",
    env,
    () => administer(serverUrl, `drop database if exists ${name} with (force)`),
    options.migrationsFolder,
  );
}

async function managed(
  name: DatabaseTargetName,
  env: TestDatabase["env"],
  drop: () => Promise<void>,
  migrationsFolder?: string,
): Promise<TestDatabase> {
  let handle = await createDatabase(env, { poolSize: 4 });
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

async function administer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
