import type { Config } from "./config";
import { createDatabase, type Database, type DatabaseHandle, migrateDatabase } from "./db";
import { createQueue, type DocumentQueue } from "./queue";
import { createStorage, type Storage } from "./storage";

/** The adapters one process needs, chosen by config: what the entry points hand to the code. */
export interface Platform {
  config: Config;
  database: DatabaseHandle;
  db: Database;
  storage: Storage;
  queue: DocumentQueue;
  close(): Promise<void>;
}

export async function openPlatform(
  config: Config,
  options: { migrate?: boolean; storage?: Storage; queue?: DocumentQueue } = {},
): Promise<Platform> {
  const database = await createDatabase(config);
  try {
    if (options.migrate) await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    config,
    database,
    db: database.db,
    storage: options.storage ?? createStorage(config),
    queue: options.queue ?? createQueue(config, database.db),
    close: () => database.close(),
  };
}
