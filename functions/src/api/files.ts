import { Hono } from "hono";
import { AppError } from "../app-error";
import { attachmentDisposition, mediaType } from "../platform/storage/port";
import type { SelfServedStorage } from "../platform/storage/self-served";

export interface FileRouteOptions {
  /**
   * Throws when the key may no longer be written (the document's upload was completed): asked
   * before the body is read and again before it is stored, so an upload URL is single-use.
   */
  assertUploadOpen?: (key: string) => Promise<void>;
}

/**
 * The embedded shape's stand-in for S3 presigned URLs: the same PUT-to-a-URL contract, with
 * the grant (key, content type, size, expiry) carried in an HMAC-signed token.
 */
export function fileRoutes(storage: SelfServedStorage, options: FileRouteOptions = {}) {
  const assertUploadOpen = options.assertUploadOpen ?? (async () => {});
  return new Hono()
    .put("/upload/:token", async (c) => {
      const grant = storage.signer.verify(c.req.param("token"), "put");
      await assertUploadOpen(grant.key);
      const sent = c.req.header("content-type");
      if (mediaType(sent) !== mediaType(grant.contentType)) {
        throw new AppError(
          "upload_content_type_mismatch",
          `This upload link accepts ${grant.contentType} only, not ${sent ?? "a body without a content type"}.`,
        );
      }
      const declared = Number(c.req.header("content-length") ?? Number.NaN);
      if (declared > grant.maxBytes) throw tooLarge(grant.maxBytes);
      const body = await readLimited(c.req.raw.body, grant.maxBytes);
      await assertUploadOpen(grant.key);
      await storage.put(grant.key, body, grant.contentType);
      return c.json({ key: grant.key, size: body.byteLength });
    })
    .get("/download/:token", async (c) => {
      const grant = storage.signer.verify(c.req.param("token"), "get");
      const info = await storage.head(grant.key);
      const bytes = await storage.get(grant.key);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": info?.contentType ?? "application/octet-stream",
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": attachmentDisposition(grant.fileName),
        "Cache-Control": "private, no-store",
      });
    });
}

/** Reads at most `maxBytes`; a chunked body that goes past it is cut off, not buffered. */
async function readLimited(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "file_too_large",
    `The file is larger than the ${maxBytes} bytes this upload link allows.`,
  );
}
