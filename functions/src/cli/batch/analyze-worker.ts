/**
 * A batch worker thread of `npm run analyze`: keeps one OCR engine (and its Tesseract
 * workers) for every file it is given, and answers each job with its outcome.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createOcrEngine } from "../../pipeline/pdf";
import { createVisionReader } from "../../pipeline/vision/reader";
import { loadConfig } from "../../platform/config";
import { visionSettingsFromConfig } from "../../platform/llm";
import { analyzeFile, type FileJob, type FileOutcome } from "../analyze-file";
import type { FromWorker, ToWorker } from "./pool";

export interface AnalyzeWorkerData {
  ocrWorkers: number;
}

export type FileProgress = { stage: string; page?: number; pages?: number };

const port = parentPort;
if (!port) throw new Error("analyze-worker runs as a worker thread");
const config = loadConfig();
const ocr = createOcrEngine({ workers: (workerData as AnalyzeWorkerData).ocrWorkers });
const vision = createVisionReader(visionSettingsFromConfig(config));
const send = (message: FromWorker<FileOutcome, FileProgress>) => port.postMessage(message);

port.on("message", async (message: ToWorker<FileJob>) => {
  if (message.type === "close") {
    await ocr.close();
    port.close();
    return;
  }
  const { id, job } = message;
  const result = await analyzeFile(job, {
    ocr,
    vision,
    config,
    onProgress: (progress) => send({ type: "progress", id, progress }),
  });
  send({ type: "done", id, result });
});
