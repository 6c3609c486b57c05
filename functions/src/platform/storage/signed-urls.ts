import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../../app-error";

/**
 * Expiring HMAC-signed URLs for the storage the API serves itself (local and memory): the
 * same contract as an S3 presigned URL, so the browser code is identical in both shapes.
 */

export interface UploadGrant {
  op: "put";
  key: string;
  contentType: string;
  maxBytes: number;
  /** Expiry, Unix seconds. */
  exp: number;
}

export interface DownloadGrant {
  op: "get";
  key: string;
  fileName: string;
  exp: number;
}

export type FileGrant = UploadGrant | DownloadGrant;

export interface UrlSigner {
  sign(grant: FileGrant): string;
  /** Throws AppError 403 `file_url_invalid` or `file_url_expired`. */
  verify<TOp extends FileGrant["op"]>(token: string, op: TOp, now?: Date): Extract<FileGrant, { op: TOp }>;
}

export function createUrlSigner(secret: string): UrlSigner {
  // A key of its own, so a file URL can never be replayed as a session token or vice versa.
  const key = createHmac("sha256", secret).update("finstat/file-urls").digest();
  const signature = (payload: string) => createHmac("sha256", key).update(payload).digest();

  return {
    sign(grant) {
      const payload = Buffer.from(JSON.stringify(grant)).toString("base64url");
      return `${payload}.${signature(payload).toString("base64url")}`;
    },
    verify(token, op, now = new Date()) {
      const [payload, mac, extra] = token.split(".");
      if (!payload || !mac || extra !== undefined) throw invalidUrl();
      const expected = signature(payload);
      const given = Buffer.from(mac, "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidUrl();
      const grant = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as FileGrant;
      if (grant.op !== op) throw invalidUrl();
      if (grant.exp * 1000 < now.getTime()) {
        throw new AppError("file_url_expired", "This link has expired. Request a new one and try again.");
      }
      return grant as Extract<FileGrant, { op: typeof op }>;
    },
  };
}

function invalidUrl(): AppError {
  return new AppError("file_url_invalid", "This link is not valid.");
}

export function expiryFromNow(expiresInSeconds: number, now = Date.now()): number {
  return Math.floor(now / 1000) + Math.max(1, Math.floor(expiresInSeconds));
}
