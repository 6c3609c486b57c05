import { join } from "node:path";
import type { Config } from "../config";
import { createLocalStorage } from "./local-storage";
import { createMemoryStorage } from "./memory-storage";
import type { Storage } from "./port";
import { createS3Storage, s3ClientFromConfig } from "./s3-storage";
import { createUrlSigner } from "./signed-urls";

export { createLocalStorage } from "./local-storage";
export { createMemoryStorage } from "./memory-storage";
export * from "./port";
export { createS3Storage, s3ClientFromConfig } from "./s3-storage";
export { isSelfServed, type SelfServedStorage } from "./self-served";
export { createUrlSigner, type UrlSigner } from "./signed-urls";

/** S3 when a bucket is configured; otherwise files under DATA_DIR/files (memory for ":memory:"). */
export function createStorage(config: Config): Storage {
  if (config.STORAGE_DRIVER === "s3") {
    return createS3Storage({ client: s3ClientFromConfig(config), bucket: config.S3_BUCKET! });
  }
  const signer = createUrlSigner(config.JWT_SECRET);
  if (config.DATA_DIR === ":memory:") return createMemoryStorage({ signer, publicUrl: config.PUBLIC_URL });
  return createLocalStorage({ root: join(config.DATA_DIR, "files"), signer, publicUrl: config.PUBLIC_URL });
}
