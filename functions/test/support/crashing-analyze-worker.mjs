// A stand-in batch worker speaking the pool's protocol: "crash" kills the thread mid-job,
// any other job answers with its own name. Plain JavaScript, so no TypeScript loader is needed.
import { parentPort } from "node:worker_threads";

parentPort.on("message", (message) => {
  if (message.type === "close") return parentPort.close();
  if (message.job === "crash") process.exit(7);
  parentPort.postMessage({ type: "progress", id: message.id, progress: `reading ${message.job}` });
  parentPort.postMessage({ type: "done", id: message.id, result: `read ${message.job}` });
});
