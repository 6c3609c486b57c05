import { connect } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../src/local/server";
import { loadConfig } from "../../src/platform/config";
import { freePort } from "../support/free-port";

interface RawExchange {
  head: string;
  body: string;
  /** How the connection ended: "end" is the server's clean FIN, an error is a reset. */
  ending: string[];
}

/**
 * Sends a request over a plain socket and keeps sending its body (as a client that does not
 * wait for an early answer does), then reports the answer and how the connection ended.
 */
function exchange(
  port: number,
  head: string,
  body: { bytes: number; chunked?: boolean },
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const ending: string[] = [];
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
    });
    socket.on("end", () => ending.push("end"));
    socket.on("error", (error: NodeJS.ErrnoException) => ending.push(error.code ?? error.message));
    socket.on("close", () => {
      clearTimeout(timer);
      const [responseHead = "", responseBody = ""] = received.split("\r\n\r\n");
      resolve({ head: responseHead, body: responseBody, ending });
    });
    const timer = setTimeout(() => {
      ending.push("still open after 10 s");
      socket.destroy();
    }, 10_000);
    socket.write(head);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < body.bytes && !socket.destroyed) {
        sent += chunk.byteLength;
        const data = body.chunked
          ? Buffer.concat([Buffer.from(`${chunk.byteLength.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
          : chunk;
        if (!socket.write(data)) {
          socket.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

describe("a body over the limit", () => {
  let server: LocalServer;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    const config = loadConfig({ DATA_DIR: ":memory:", PORT: String(port), LOG_LEVEL: "silent" });
    server = await startLocalServer({ config, logger: pino({ level: "silent" }), web: false, worker: false });
  });
  afterAll(() => server?.close());

  function expectCleanRefusal(result: RawExchange, code: string) {
    expect(result.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.head.toLowerCase()).toContain("connection: close");
    expect(result.head.toLowerCase()).not.toContain("keep-alive");
    expect(JSON.parse(result.body).error.code).toBe(code);
    expect(result.ending).toEqual(["end"]);
  }

  it("gets 413 with Connection: close and a clean close on a JSON route", async () => {
    const bytes = 4 * 1024 * 1024;
    const result = await exchange(
      port,
      `POST /api/companies HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`,
      { bytes },
    );
    expectCleanRefusal(result, "payload_too_large");
  });

  it("gets 413 with Connection: close and a clean close on an upload URL, declared or chunked", async () => {
    const presigned = await server.platform.storage.presignUpload(
      "uploads/big.pdf",
      "application/pdf",
      1024,
      60,
    );
    const path = new URL(presigned.url).pathname;
    const bytes = 4 * 1024 * 1024;
    const declared = await exchange(
      port,
      `PUT ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/pdf\r\nContent-Length: ${bytes}\r\n\r\n`,
      { bytes },
    );
    expectCleanRefusal(declared, "file_too_large");
    const chunked = await exchange(
      port,
      `PUT ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n`,
      { bytes, chunked: true },
    );
    expectCleanRefusal(chunked, "file_too_large");
  });

  it("reaches fetch as a 413 rather than a broken connection", async () => {
    const response = await fetch(`${server.url}/api/companies`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(4 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
  });

  it("keeps the connection alive for an ordinary answer", async () => {
    const result = await exchange(
      port,
      "GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
      {
        bytes: 0,
      },
    );
    expect(result.head).toMatch(/^HTTP\/1\.1 200 /);
    const kept = await fetch(`${server.url}/api/health`);
    expect(kept.headers.get("connection")).toBe("keep-alive");
  });
});
