import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Config } from "../config";
import {
  assertStorageKey,
  attachmentDisposition,
  DEFAULT_DOWNLOAD_EXPIRY_SECONDS,
  fileNotFound,
  type Storage,
} from "./port";

export function s3ClientFromConfig(
  config: Pick<Config, "AWS_REGION" | "S3_ENDPOINT" | "S3_FORCE_PATH_STYLE">,
  credentials?: { accessKeyId: string; secretAccessKey: string },
): S3Client {
  return new S3Client({
    region: config.AWS_REGION ?? "us-east-1",
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials,
    // Default checksums would sign a CRC of the empty body into presigned PUT URLs, which
    // then reject every real upload; checksums are only sent where S3 requires them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export function createS3Storage(options: { client: S3Client; bucket: string }): Storage {
  const { client, bucket } = options;

  return {
    kind: "s3",

    async put(key, body, contentType) {
      assertStorageKey(key);
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
      );
    },

    async get(key) {
      assertStorageKey(key);
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!response.Body) throw fileNotFound(key);
        return await response.Body.transformToByteArray();
      } catch (error) {
        if (isNotFound(error)) throw fileNotFound(key);
        throw error;
      }
    },

    async head(key) {
      assertStorageKey(key);
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          size: response.ContentLength ?? 0,
          contentType: response.ContentType ?? "application/octet-stream",
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async presignUpload(key, contentType, maxBytes, expiresInSeconds) {
      assertStorageKey(key);
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: maxBytes,
      });
      const url = await getSignedUrl(client, command, {
        expiresIn: expiresInSeconds,
        // Signed headers must be sent exactly as signed: a different type or length fails.
        signableHeaders: new Set(["content-type", "content-length"]),
      });
      return {
        url,
        method: "PUT",
        headers: { "Content-Type": contentType },
        expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString(),
      };
    },

    async presignDownload(key, fileName, expiresInSeconds = DEFAULT_DOWNLOAD_EXPIRY_SECONDS) {
      assertStorageKey(key);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: attachmentDisposition(fileName),
      });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },
  };
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404;
  }
  return false;
}
