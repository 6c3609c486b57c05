import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Actor, Services } from "../use-cases/context";
import { documentProgress } from "../use-cases/document-progress";
import { ownedDocument } from "../use-cases/documents";

const POLL_MS = 500;
/** Under the API Lambda's 60 s time-out; EventSource reconnects by itself after `retry`. */
const MAX_STREAM_MS = 50_000;
const RECONNECT_MS = 1000;

/**
 * Server-sent events for one document: a `progress` event whenever status, stage or progress
 * change, then a final `done` or `failed` event and the end of the stream. The stream polls
 * the stored progress (documentProgress), as the worker may run in another process.
 */
export async function documentEvents(
  services: Pick<Services, "db">,
  c: Context,
  actor: Actor,
  documentId: string,
) {
  await ownedDocument(services, actor, documentId);
  c.header("Cache-Control", "no-store");
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    const started = Date.now();
    let last = "";
    let sequence = 0;
    await stream.writeSSE({ event: "ready", data: JSON.stringify({ documentId }), retry: RECONNECT_MS });
    while (!stream.aborted && Date.now() - started < MAX_STREAM_MS) {
      const row = await documentProgress(services, documentId);
      if (!row) {
        await stream.writeSSE({ event: "deleted", data: JSON.stringify({ documentId }) });
        return;
      }
      const state = JSON.stringify({ documentId, ...row });
      if (state !== last) {
        last = state;
        sequence += 1;
        await stream.writeSSE({ event: "progress", data: state, id: String(sequence) });
      }
      if (row.status === "done" || row.status === "failed") {
        await stream.writeSSE({ event: row.status, data: state, id: String(sequence + 1) });
        return;
      }
      await stream.sleep(POLL_MS);
    }
  });
}
