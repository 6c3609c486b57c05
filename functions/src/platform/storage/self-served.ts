import type { PresignedUpload, Storage } from "./port";
import { assertStorageKey, DEFAULT_DOWNLOAD_EXPIRY_SECONDS } from "./port";
import { expiryFromNow, type UrlSigner } from "./signed-urls";

/** Storage whose presigned URLs point at the API itself (functions/src/api/files.ts). */
export interface SelfServedStorage extends Storage {
  readonly kind: "local" | "memory";
  readonly signer: UrlSigner;
}

export function isSelfServed(storage: Storage): storage is SelfServedStorage {
  return storage.kind !== "s3" && "signer" in storage;
}

export const FILE_ROUTES_PREFIX = "/api/files";

export function selfServedPresigner(signer: UrlSigner, publicUrl: string) {
  const base = `${publicUrl.replace(/\/+$/, "")}${FILE_ROUTES_PREFIX}`;
  return {
    async presignUpload(
      key: string,
      contentType: string,
      maxBytes: number,
      expiresInSeconds: number,
    ): Promise<PresignedUpload> {
      assertStorageKey(key);
      const exp = expiryFromNow(expiresInSeconds);
      const token = signer.sign({ op: "put", key, contentType, maxBytes, exp });
      return {
        url: `${base}/upload/${token}`,
        method: "PUT",
        headers: { "Content-Type": contentType },
        expiresAt: new Date(exp * 1000).toISOString(),
      };
    },
    async presignDownload(key: string, fileName: string, expiresInSeconds = DEFAULT_DOWNLOAD_EXPIRY_SECONDS) {
      assertStorageKey(key);
      const token = signer.sign({ op: "get", key, fileName, exp: expiryFromNow(expiresInSeconds) });
      return `${base}/download/${token}`;
    },
  };
}
