import { copyFileSync, mkdirSync, renameSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Tesseract language data from the @tesseract.js-data/<lang> npm packages, never downloaded.
 * tesseract.js reads `<langPath>/<lang>.traineddata.gz` from ONE folder, while each language
 * ships in its own package, so the files are staged (copied once, atomically) into a folder
 * under the system temp dir and that folder is the langPath.
 */
export type TessdataModel = "best_int" | "standard";

const MODEL_FOLDERS: Record<TessdataModel, string> = {
  // LSTM-only integer model: what OEM 1 needs, 3x smaller than the legacy+LSTM files.
  best_int: "4.0.0_best_int",
  standard: "4.0.0",
};

export function stageTessdata(
  languages: string[],
  model: TessdataModel,
  root = join(tmpdir(), "finstat-tessdata"),
): string {
  const folder = MODEL_FOLDERS[model];
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  for (const language of languages) {
    const file = `${language}.traineddata.gz`;
    const source = require.resolve(`@tesseract.js-data/${language}/${folder}/${file}`);
    const target = join(dir, file);
    if (sameSize(source, target)) continue;
    const partial = `${target}.${process.pid}.partial`;
    copyFileSync(source, partial);
    // rename is atomic on one file system, so a concurrent reader never sees half a file.
    renameSync(partial, target);
  }
  return dir;
}

function sameSize(a: string, b: string): boolean {
  try {
    return statSync(a).size === statSync(b).size;
  } catch {
    return false;
  }
}
