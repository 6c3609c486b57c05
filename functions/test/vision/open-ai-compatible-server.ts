import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server does with one request. */
export type Scripted =
  | { kind: "answer"; content: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: "refusal"; refusal: string }
  | { kind: "status"; status: number; headers?: Record<string, string>; message?: string }
  | { kind: "hang" };

export interface ReceivedRequest {
  at: number;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

/**
 * A local OpenAI-compatible server for the boundary tests: POST /v1/chat/completions answers
 * from a script (one entry per request; the last repeats), in the wire format of the Chat
 * Completions API. It runs in the test process on a free port; nothing leaves the machine.
 */
export async function startOpenAiCompatibleServer(): Promise<{
  baseURL: string;
  received: ReceivedRequest[];
  script(...steps: Scripted[]): void;
  close(): Promise<void>;
}> {
  let steps: Scripted[] = [];
  const received: ReceivedRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    received.push({ at: Date.now(), path: req.url, headers: req.headers, body });
    const step = steps.length > 1 ? (steps.shift() as Scripted) : steps[0];
    if (!step || step.kind === "hang") {
      hanging.push(res);
      return;
    }
    if (step.kind === "status") {
      res.writeHead(step.status, { "content-type": "application/json", ...step.headers }).end(
        JSON.stringify({
          error: { message: step.message ?? `scripted ${step.status}`, type: "scripted", code: null },
        }),
      );
      return;
    }
    const message =
      step.kind === "answer"
        ? { role: "assistant", content: step.content, refusal: null }
        : { role: "assistant", content: null, refusal: step.refusal };
    const usage =
      step.kind === "answer" && step.usage ? step.usage : { prompt_tokens: 1105, completion_tokens: 412 };
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: `chatcmpl-${received.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: String(body.model),
        choices: [{ index: 0, message, finish_reason: "stop", logprobs: null }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    received,
    script(...next) {
      steps = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
