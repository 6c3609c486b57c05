import { AppError } from "../../app-error";

/** Size and type of a stored object, as `head` reports them. */
export interface StoredObjectInfo {
  size: number;
  contentType: string;
}

/** What the browser needs to upload straight to storage, without passing through the API. */
export interface PresignedUpload {
  url: string;
  method: "PUT";
  /** Headers the PUT must carry exactly (the content type is part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

/**
 * The storage port: S3 in AWS, files under DATA_DIR in the embedded shape, memory in unit
 * tests. Keys are "/"-separated paths such as `documents/<id>/statement.pdf`.
 */
export interface Storage {
  readonly kind: "local" | "s3" | "memory";
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** Throws AppError `file_not_found` (404) when the key does not exist. */
  get(key: string): Promise<Uint8Array>;
  head(key: string): Promise<StoredObjectInfo | null>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * A URL the client PUTs the file to. `maxBytes` is the declared size of the file: S3 signs
   * it as Content-Length, so the body must be exactly that long; the local adapter rejects a
   * body longer than it. Either way an oversized body never lands in storage.
   */
  presignUpload(
    key: string,
    contentType: string,
    maxBytes: number,
    expiresInSeconds: number,
  ): Promise<PresignedUpload>;
  /** A URL that downloads the object as an attachment named `fileName`. */
  presignDownload(key: string, fileName: string, expiresInSeconds?: number): Promise<string>;
}

export const DEFAULT_DOWNLOAD_EXPIRY_SECONDS = 15 * 60;

const KEY_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Keys become file paths locally, so anything that could climb out of the root is refused. */
export function assertStorageKey(key: string): void {
  const segments = key.split("/");
  if (key.length === 0 || key.length > 512 || !segments.every((segment) => KEY_SEGMENT.test(segment))) {
    throw new AppError("invalid_storage_key", `"${key}" is not a valid storage key`);
  }
}

export function fileNotFound(key: string): AppError {
  return new AppError("file_not_found", "The requested file does not exist.", { key });
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "application/pdf; charset=binary" and "Application/PDF" name the same type. */
export function mediaType(contentType: string | undefined | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}
