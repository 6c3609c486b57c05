/**
 * A pipeline thread of the embedded server: reads documents (pdfjs rendering, image filters,
 * OCR, parsing) off the API's event loop, so `/api/health` and every request stay responsive
 * while a hostile page renders. It keeps one OCR engine for every document it is given and
 * speaks the protocol of pipeline-threads.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { extractDocument } from "../pipeline/extract-document";
import { createOcrEngine } from "../pipeline/pdf";
import { createSecondReader } from "../pipeline/second-reader";
import { createVisionReader } from "../pipeline/vision/reader";
import { loadConfig } from "../platform/config";
import { visionSettingsFromConfig } from "../platform/llm";
import {
  type FromThread,
  serializeError,
  type ThreadData,
  type ToThread,
  transferablesOf,
} from "./thread-protocol";

const port = parentPort;
if (!port) throw new Error("pipeline-thread runs as a worker thread");
const config = loadConfig();
const ocr = createOcrEngine({ workers: (workerData as ThreadData).ocrWorkers });
const vision = createVisionReader(visionSettingsFromConfig(config));
const secondReader = createSecondReader(config.SECOND_READER);
const running = new Map<number, AbortController>();
const send = (message: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on("message", async (message: ToThread) => {
  if (message.type === "close") {
    for (const controller of running.values()) controller.abort();
    await ocr.close();
    port.close();
    return;
  }
  if (message.type === "abort") {
    running.get(message.id)?.abort(new Error("aborted by the worker"));
    return;
  }
  const { id, input, options } = message;
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const output = await extractDocument(input, {
      ...options,
      ocr,
      vision,
      secondReader: await secondReader,
      signal: controller.signal,
      onProgress: (progress) => send({ type: "progress", id, progress }),
    });
    send({ type: "done", id, output }, transferablesOf(output));
  } catch (error) {
    send({ type: "failed", id, error: serializeError(error) });
  } finally {
    running.delete(id);
  }
});
