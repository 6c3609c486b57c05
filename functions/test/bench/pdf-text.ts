import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { getDocument, OPS, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Text of a PDF as poppler's pdftotext reads it, one string per page. */
export async function pdftotextPages(pdf: Uint8Array, layout = true): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "finstat-text-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    const { stdout } = await run("pdftotext", [...(layout ? ["-layout"] : []), join(dir, "in.pdf"), "-"], {
      maxBuffer: 32 * 1024 * 1024,
    });
    return stdout.split("\f").slice(0, -1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Page count and text items per page as pdfjs sees them (independent of the pipeline's reader). */
export async function pdfjsPages(
  pdf: Uint8Array,
): Promise<{ pages: number; text: string[][]; images: number[] }> {
  const standardFontDataUrl = `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
  const task = getDocument({ data: pdf.slice(), standardFontDataUrl, verbosity: VerbosityLevel.ERRORS });
  const document = await task.promise;
  try {
    const text: string[][] = [];
    const images: number[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      text.push(content.items.map((item) => ("str" in item ? item.str : "")).filter((s) => s.trim() !== ""));
      const ops = await page.getOperatorList();
      images.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length);
    }
    return { pages: document.numPages, text, images };
  } finally {
    await task.destroy();
  }
}

/** Text items with their left x and width in points (pdfjs), for checks on column placement. */
export async function pdfjsItems(
  pdf: Uint8Array,
): Promise<Array<{ page: number; str: string; x: number; right: number }>> {
  const standardFontDataUrl = `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
  const task = getDocument({ data: pdf.slice(), standardFontDataUrl, verbosity: VerbosityLevel.ERRORS });
  const document = await task.promise;
  try {
    const items: Array<{ page: number; str: string; x: number; right: number }> = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const x = item.transform[4] as number;
        items.push({ page: n, str: item.str, x, right: x + item.width });
      }
    }
    return items;
  } finally {
    await task.destroy();
  }
}
