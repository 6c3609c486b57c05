import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import * as schema from "@finstat/db/schema";
import { type Assume, sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Config } from "./config";

export type Schema = typeof schema;

/**
 * Both drivers return `{ rows }` from `db.execute`, which is all the code relies on; this
 * result type states exactly that, so one `Database` type serves PGlite and pg alike.
 */
export interface RowsQueryResultHKT extends PgQueryResultHKT {
  type: RowsResult<Assume<this["row"], Record<string, unknown>>>;
}

export interface RowsResult<TRow> {
  rows: TRow[];
}

export type Database = PgDatabase<RowsQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "pg";
  /** Round-trips `select 1`; returns the latency in milliseconds. */
  ping(): Promise<number>;
  close(): Promise<void>;
  /** Internal: the driver's own client, for migrations. */
  readonly client: PGlite | pg.Pool;
}

/**
 * PGlite under DATA_DIR/pg (or in memory for ":memory:") unless DATABASE_URL names a server.
 * `pgliteDataDir` starts a new PGlite from a dumped data directory (`dumpDataDir`) instead of
 * running initdb, which costs seconds: the tests open every database from one migrated dump.
 */
export async function createDatabase(
  config: Pick<Config, "DATABASE_URL" | "DATA_DIR">,
  options: { poolSize?: number; pgliteDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: options.poolSize ?? 10 });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    return handle("pg", drizzleNodePostgres({ client: pool, schema }) as unknown as Database, pool, () =>
      pool.end(),
    );
  }
  const dataDir = config.DATA_DIR === ":memory:" ? undefined : join(config.DATA_DIR, "pg");
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { loadDataDir: options.pgliteDataDir });
  return handle("pglite", drizzlePglite({ client, schema }) as unknown as Database, client, () =>
    client.close(),
  );
}

function handle(
  kind: DatabaseHandle["kind"],
  db: Database,
  client: PGlite | pg.Pool,
  close: () => Promise<void>,
): DatabaseHandle {
  let closed = false;
  return {
    db,
    kind,
    client,
    async ping() {
      const started = performance.now();
      await db.execute(sql`select 1`);
      return Math.round((performance.now() - started) * 10) / 10;
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}

/**
 * drizzle/migrations beside the source tree; in a bundled Lambda the folder is copied next to
 * the working directory instead, so that location is tried second.
 */
export function defaultMigrationsFolder(): string {
  const candidates = [
    fileURLToPath(new URL("../../../drizzle/migrations", import.meta.url)),
    resolve("drizzle/migrations"),
  ];
  return candidates.find((folder) => existsSync(join(folder, "meta", "_journal.json"))) ?? candidates[0]!;
}

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_ID = 472_190_331;

/**
 * Applies the committed migrations that this database has not seen yet. On a server, several
 * processes may start at once (Lambda, replicas): an advisory lock makes them take turns.
 */
export async function migrateDatabase(
  database: DatabaseHandle,
  migrationsFolder = defaultMigrationsFolder(),
): Promise<{ applied: number }> {
  if (database.client instanceof PGlite) {
    const client = database.client;
    const query = (text: string) => client.query<{ count: number }>(text);
    const before = await appliedCount(query);
    await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    return { applied: (await appliedCount(query)) - before };
  }
  const connection = await database.client.connect();
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    const query = (text: string) => connection.query<{ count: number }>(text);
    const before = await appliedCount(query);
    await migrateNodePostgres(drizzleNodePostgres({ client: connection }), { migrationsFolder });
    return { applied: (await appliedCount(query)) - before };
  } finally {
    await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    connection.release();
  }
}

async function appliedCount(
  query: (text: string) => Promise<RowsResult<{ count: number }>>,
): Promise<number> {
  const journal = await query(
    `select count(*)::int as count from information_schema.tables
     where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  );
  if (journal.rows[0]?.count === 0) return 0;
  const applied = await query("select count(*)::int as count from drizzle.__drizzle_migrations");
  return applied.rows[0]?.count ?? 0;
}
