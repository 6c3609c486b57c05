import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RecordedAnswer } from "../../pipeline/vision/replay";

/**
 * Recorded vision answers on disk: one JSON file per page, `<dir>/<document>/page-<n>.json`
 * (any layout below `dir` is read). The files are what `npm run bench -- --vision-replay DIR`
 * replays.
 */
export async function loadRecordings(dir: string): Promise<RecordedAnswer[]> {
  const found: RecordedAnswer[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".json")) {
        const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<RecordedAnswer>;
        if (parsed.format !== "finstat-vision-answer" || parsed.version !== 1) {
          throw new Error(
            `${path} is not a recorded vision answer (format finstat-vision-answer, version 1)`,
          );
        }
        found.push(parsed as RecordedAnswer);
      }
    }
  };
  await walk(dir);
  return found;
}

export async function saveRecording(dir: string, recording: RecordedAnswer): Promise<string> {
  const folder = join(dir, safeName(recording.document ?? "unnamed"));
  await mkdir(folder, { recursive: true });
  const tile = recording.tile ? `-tile-${recording.tile.index + 1}-of-${recording.tile.count}` : "";
  const name =
    recording.page !== undefined
      ? `page-${recording.page}${tile}.json`
      : `${recording.tile?.imageSha256 ?? recording.imageSha256 ?? "answer"}.json`;
  const path = join(folder, name);
  await writeFile(path, formatRecording(recording));
  return path;
}

/** Readable and compact: the envelope indented, each transcribed line of the answer on one line. */
export function formatRecording(recording: RecordedAnswer): string {
  const text = JSON.stringify(recording, (_key, value: unknown) => value, 1);
  return `${text.replace(/\{\n\s*"label"[\s\S]*?\n\s*\}(?=,?\n)/g, (line) => JSON.stringify(JSON.parse(line)))}\n`;
}

function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, "_");
}
