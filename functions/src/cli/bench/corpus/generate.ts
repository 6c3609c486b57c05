import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus";
import { VARIANTS, type Variant } from "./scan-variant";
import { STYLES, type StyleId } from "./statement-spec";

/** `npx tsx functions/src/cli/bench/corpus/generate.ts --out DIR --count N --seed S [--variants a,b] [--styles x,y]` */
const { values } = parseArgs({
  options: {
    out: { type: "string", default: ".data/corpus" },
    count: { type: "string", default: "2" },
    seed: { type: "string", default: "1" },
    variants: { type: "string", default: "digital,scan300,scan200noisy" },
    styles: { type: "string", default: STYLES.join(",") },
  },
});
const variants = listOf(values.variants, VARIANTS, "variant") as Variant[];
const styles = listOf(values.styles, STYLES, "style") as StyleId[];
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error("--count must be a positive integer and --seed an integer");
  process.exit(2);
}
const started = performance.now();
const entries = await generateCorpus({
  seed,
  count,
  variants,
  styles,
  outDir: values.out,
  onEntry: (entry, reused) => console.error(`${reused ? "kept" : "wrote"} ${entry.pdfPath}`),
});
console.log(
  `${entries.length} documents in ${values.out} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);

function listOf(text: string, allowed: readonly string[], what: string): string[] {
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = items.filter((i) => !allowed.includes(i));
  if (unknown.length > 0) {
    console.error(`unknown ${what}: ${unknown.join(", ")} (known: ${allowed.join(", ")})`);
    process.exit(2);
  }
  return items;
}
