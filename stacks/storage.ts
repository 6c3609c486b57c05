/**
 * Uploaded PDFs and generated reports. The bucket is private: browsers upload with presigned
 * PUT URLs and download through presigned GETs the API hands out.
 */

export const rawUploadPrefix = "uploads/";

export function createUploadsBucket(uploadRetentionDays: number) {
  return new sst.aws.Bucket("Uploads", {
    // No `access`: nothing is readable without a presigned URL or an IAM role.
    versioning: true,
    // CORS is attached by allowBrowserUploads once the web app's URL exists (see index.ts).
    cors: false,
    lifecycle: [
      { id: "expire-raw-uploads", prefix: rawUploadPrefix, expiresIn: `${uploadRetentionDays} days` },
    ],
    transform: { lifecycle: deleteOldVersionsToo },
  });
}

/**
 * With versioning on, expiring an upload only hides it behind a delete marker. Retention means
 * the document is gone, so noncurrent versions go a day later, and abandoned multipart uploads
 * are cleaned up as well.
 */
export function deleteOldVersionsToo(args: { rules?: unknown }) {
  if (!Array.isArray(args.rules)) return;
  args.rules = args.rules.map((rule: object) => ({
    ...rule,
    noncurrentVersionExpiration: { noncurrentDays: 1 },
    abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
  }));
}

/**
 * Presigned PUT from the browser needs CORS on the bucket. It is a separate resource because the
 * allowed origin is the web app's URL, which exists only after the web app (which itself needs
 * the API, which needs the bucket).
 */
export function allowBrowserUploads(bucket: { name: unknown }, origins: unknown[]) {
  return new aws.s3.BucketCorsConfiguration("UploadsBrowserCors", {
    bucket: bucket.name,
    corsRules: [
      {
        allowedMethods: ["PUT", "GET", "HEAD"],
        allowedOrigins: origins,
        allowedHeaders: ["*"],
        exposeHeaders: ["ETag"],
        maxAgeSeconds: 3600,
      },
    ],
  });
}
