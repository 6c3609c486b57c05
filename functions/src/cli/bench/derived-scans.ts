import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { BenchDocument } from "./bench-corpus";
import { scanVariant } from "./corpus/scan-variant";
import type { Truth } from "./corpus/truth";

const run = promisify(execFile);

/**
 * The real digital statements printed and scanned again (pdftoppm, skew, speckle, JPEG, as the
 * generated corpus's scans): an honest widening of the real set, since the truth of a page does
 * not change when it is scanned. A long report gives only its statement pages, cut out with
 * qpdf, as an accountant would scan them. Made once per corpus folder and reused.
 */
export async function derivedScans(
  real: BenchDocument[],
  corpusDir: string,
  log: (line: string) => void,
): Promise<BenchDocument[]> {
  const dir = join(corpusDir, "real-derived");
  await mkdir(dir, { recursive: true });
  const derived: BenchDocument[] = [];
  for (const document of real.filter((d) => d.variant === "real-digital")) {
    const id = `${document.id}-scan300`;
    const pdfPath = join(dir, `${id}.pdf`);
    if (!existsSync(pdfPath)) {
      const pages = (document.truth as { statementPages?: number[] }).statementPages;
      const source =
        pages && pages.length > 0 ? await cutPages(document.pdfPath, pages, dir) : document.pdfPath;
      const scanned = await scanVariant(
        new Uint8Array(await readFile(source)),
        { ...(document.truth as unknown as Truth), id: document.id },
        "scan300",
      );
      await writeFile(pdfPath, scanned.pdf);
    }
    derived.push({
      ...document,
      id,
      variant: "real-scan",
      style: `derived-${document.style}`,
      pdfPath,
      truth: { ...document.truth, id, variant: "real-scan", style: `derived-${document.style}` },
    });
  }
  log(`realdata: ${derived.length} scans derived from the real digital statements in ${dir}`);
  return derived;
}

async function cutPages(pdfPath: string, pages: number[], dir: string): Promise<string> {
  const out = join(dir, `cut-${pages.join("-")}-${pdfPath.split("/").pop()}`);
  await run("qpdf", [pdfPath, "--pages", pdfPath, pages.join(","), "--", out]);
  return out;
}
