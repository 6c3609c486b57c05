/**
 * `npx tsx functions/src/cli/load-bench.ts [--seconds 12] [--connections 10]`
 *
 * Load on the read endpoints over loopback: the real API (Node server, the same Hono app as on
 * Lambda) on PGlite, or on DATABASE_URL when set, seeded with one processed document. Each
 * endpoint gets an equal share of the time; reports requests/s and p50/p95/p99 latency per
 * endpoint. Every request goes through authentication, the Postgres rate-limit counter and
 * request logging (to /dev/null), as in production.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getRequestListener } from "@hono/node-server";
import autocannon from "autocannon";
import pino from "pino";
import { createApp } from "../api/app";
import { closeOcr, sharedOcrEngine } from "../pipeline/pdf";
import { loadConfig } from "../platform/config";
import { openPlatform } from "../platform/platform";
import { createLogger } from "../use-cases/logger";
import { createServices } from "../use-cases/services";
import { processDocument } from "../worker/process-document";
import { seedBenchAccount } from "./load-bench-seed";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "12" },
    connections: { type: "string", default: "10" },
  },
});
const totalSeconds = Number(values.seconds);
const connections = Number(values.connections);

const dataDir = await mkdtemp(join(tmpdir(), "finstat-load-"));
const config = loadConfig({
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.DATABASE_URL,
  JWT_SECRET: "load-bench-secret-load-bench-secret-load",
  LOG_LEVEL: "info",
  OCR_DPI: "72",
  // The bench is one user hammering the API; the limiter still counts every request.
  RATE_LIMIT_PER_HOUR: "1000000000",
});
const logger = createLogger(config, pino.destination("/dev/null"));
const platform = await openPlatform(config, { migrate: true });
const app = createApp({ ...platform, logger });
const server = createServer(getRequestListener(app.fetch));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

try {
  const worker = { ...createServices(platform, logger), ocr: sharedOcrEngine({ workers: 1 }) };
  const seed = await seedBenchAccount(base, (documentId) => processDocument(worker, documentId));
  const endpoints = [
    `/api/documents/${seed.documentId}`,
    `/api/documents?companyId=${seed.companyId}&page=1&pageSize=20`,
    `/api/documents/${seed.documentId}/statements`,
    `/api/documents/${seed.documentId}/analysis`,
    `/api/companies/${seed.companyId}/analysis`,
    "/api/companies",
  ];
  const perEndpoint = Math.max(1, Math.floor(totalSeconds / endpoints.length));
  const rows: Array<Record<string, string | number>> = [];
  for (const path of endpoints) {
    const latencies: number[] = [];
    let non2xx = 0;
    const instance = autocannon({
      url: `${base}${path}`,
      connections,
      duration: perEndpoint,
      headers: { cookie: seed.cookie },
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
    });
    const result = await instance;
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
    rows.push({
      endpoint: path.replace(seed.documentId, ":id").replace(seed.companyId, ":companyId"),
      requests: latencies.length,
      "req/s": Math.round(result.requests.average),
      "p50 ms": round(at(0.5)),
      "p95 ms": round(at(0.95)),
      "p99 ms": round(at(0.99)),
      errors: non2xx + result.errors + result.timeouts,
    });
  }
  console.log(
    `\nFinstat API load: ${connections} connections, ${perEndpoint} s per endpoint, ${platform.database.kind}, Node ${process.version}\n`,
  );
  console.table(rows);
  console.log(
    JSON.stringify({
      connections,
      secondsPerEndpoint: perEndpoint,
      database: platform.database.kind,
      results: rows,
    }),
  );
} finally {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeOcr();
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
