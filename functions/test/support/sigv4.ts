import { createHash, createHmac } from "node:crypto";

/**
 * Verifies a SigV4 query-string (presigned) request the way S3 does: rebuild the canonical
 * request from what the client actually sends, restricted to the URL's X-Amz-SignedHeaders,
 * and compare signatures. s3rver skips this check for V4, so the tests run it themselves.
 */
export function presignedRequestMatches(
  presignedUrl: string,
  request: { method: string; headers: Record<string, string> },
  credentials: { secretAccessKey: string },
): boolean {
  const url = new URL(presignedUrl);
  const query = url.searchParams;
  const signedHeaders = (query.get("X-Amz-SignedHeaders") ?? "").split(";");
  const [, date, region, service] = (query.get("X-Amz-Credential") ?? "").split("/");
  const amzDate = query.get("X-Amz-Date") ?? "";
  const headers = Object.fromEntries(
    Object.entries({ host: url.host, ...request.headers }).map(([name, value]) => [
      name.toLowerCase(),
      value.trim(),
    ]),
  );

  const canonicalQuery = [...query.entries()]
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [encode(name), encode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const canonicalRequest = [
    request.method,
    url.pathname,
    canonicalQuery,
    signedHeaders.map((name) => `${name}:${headers[name] ?? ""}\n`).join(""),
    signedHeaders.join(";"),
    "UNSIGNED-PAYLOAD",
  ].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let key: Buffer = Buffer.from(`AWS4${credentials.secretAccessKey}`);
  for (const part of [date ?? "", region ?? "", service ?? "", "aws4_request"]) key = hmac(key, part);
  return hmac(key, stringToSign).toString("hex") === query.get("X-Amz-Signature");
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function hmac(key: Buffer, text: string): Buffer {
  return createHmac("sha256", key).update(text).digest();
}
