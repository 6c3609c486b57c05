/**
 * What tiling costs and gains on real statements: per statement page, the tiles the reader
 * would send (size, DPI the model sees) and the image tokens they bill by the published rule,
 * beside the whole page as it was sent before. No model is called.
 * `npx tsx functions/test/vision/measure-tiles.ts [DIR]` (default /work/shared/realdata).
 */
import { readdir, readFile } from "node:fs/promises";
import { createOcrEngine, readPages } from "../../src/pipeline/pdf";
import { extractStatements } from "../../src/pipeline/statement/extract";
import { imageTokensOf, profileOf } from "../../src/pipeline/vision/model-profiles";
import { sizePageImage } from "../../src/pipeline/vision/page-image";
import { cutPageTiles } from "../../src/pipeline/vision/page-tiles";
import { statementRegion } from "../../src/pipeline/vision/statement-region";

const dir = process.argv[2] ?? "/work/shared/realdata";
const ocr = createOcrEngine({ workers: 1 });
const models = ["gpt-4.1", "gpt-4.1-mini"];
const totals: Record<string, { pages: number; tiles: number; tokens: number; whole: number }> = {};
for (const file of (await readdir(dir)).filter((f) => f.endsWith(".pdf"))) {
  const { pages } = await readPages(new Uint8Array(await readFile(`${dir}/${file}`)), {
    ocr,
    maxPages: 6,
    keepImages: true,
  });
  const statements = extractStatements(pages).statements;
  const statementPages = new Set(statements.flatMap((s) => s.pages ?? []));
  for (const p of pages) {
    if (!statementPages.has(p.page) || !p.image) continue;
    const png = p.image.png;
    const region = statementRegion(p, statements);
    for (const model of models) {
      const profile = profileOf(model);
      const tiles = await cutPageTiles(png, region, p.width, profile.image);
      const whole = await sizePageImage(png, profile.image);
      const tokens = tiles.reduce((s, t) => s + (imageTokensOf(profile, t.width, t.height) ?? 0), 0);
      const wholeTokens = imageTokensOf(profile, whole.width, whole.height) ?? 0;
      const wholeDpi = (whole.width / p.width) * 72;
      const t = totals[model] ?? { pages: 0, tiles: 0, tokens: 0, whole: 0 };
      totals[model] = t;
      t.pages += 1;
      t.tiles += tiles.length;
      t.tokens += tokens;
      t.whole += wholeTokens;
      console.log(
        `${file} p${p.page} ${p.source} ${model}: ${tiles.length} tiles ${tiles.map((x) => `${x.width}x${x.height}@${x.geometry.effectiveDpi.toFixed(0)}dpi`).join(" ")} = ${tokens} image tok; whole page ${whole.width}x${whole.height}@${wholeDpi.toFixed(0)}dpi = ${wholeTokens}`,
      );
    }
  }
}
await ocr.close();
console.log(JSON.stringify(totals));
