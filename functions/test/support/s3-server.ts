import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { s3ClientFromConfig } from "../../src/platform/storage/s3-storage";

/** s3rver's built-in account. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  client: S3Client;
  stop(): Promise<void>;
}

/** A real S3-protocol server on a free port, storing objects in a temporary directory. */
export async function startS3Server(bucket = "finstat-test"): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), "finstat-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3ClientFromConfig(
    { AWS_REGION: "us-east-1", S3_ENDPOINT: endpoint, S3_FORCE_PATH_STYLE: true },
    S3RVER_CREDENTIALS,
  );
  return {
    endpoint,
    bucket,
    client,
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
