import { readdir, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";

export const USAGE = `usage: npm run analyze -- FILE.pdf|DIR ... [--json | --jsonl] [--jobs N] [--out DIR] [--dpi N] [--pages 1-3]
  one file:   the readable summary, or --json: exactly one JSON document on stdout
  many files: a summary table, or --jsonl: one JSON document per line, as each file finishes
  DIR is searched for *.pdf, sub-folders included; --jobs runs that many files at once (default: cores)`;

export class UsageError extends Error {}

export interface AnalyzeOptions {
  inputs: string[];
  json: boolean;
  jsonl: boolean;
  jobs: number;
  out?: string;
  dpi?: number;
  pages?: { from: number; to: number };
  help: boolean;
}

export function parseAnalyzeOptions(argv: string[]): AnalyzeOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      jsonl: { type: "boolean", default: false },
      jobs: { type: "string", short: "j" },
      dpi: { type: "string" },
      pages: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.json && values.jsonl) throw new UsageError("--json and --jsonl exclude each other");
  const dpi = values.dpi === undefined ? undefined : Number(values.dpi);
  if (dpi !== undefined && !(Number.isInteger(dpi) && dpi >= 72 && dpi <= 600))
    throw new UsageError("--dpi must be a whole number between 72 and 600");
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError("--jobs must be a whole number of at least 1");
  return {
    inputs: positionals,
    json: values.json,
    jsonl: values.jsonl,
    jobs,
    out: values.out,
    dpi,
    pages: parsePageRange(values.pages),
    help: values.help,
  };
}

function parsePageRange(text: string | undefined): { from: number; to: number } | undefined {
  if (!text) return undefined;
  const match = text.match(/^(\d+)(?:-(\d+))?$/);
  if (!match) throw new UsageError(`--pages takes a page or a range like 1-3, not "${text}"`);
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  if (from < 1 || to < from) throw new UsageError(`--pages range ${text} is empty`);
  return { from, to };
}

/**
 * The files to analyse, in the order given: a folder stands for its PDFs (sub-folders too, by
 * name). A path that does not exist stays in the list, so the batch reports it as a failure.
 */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await pdfsUnder(input)));
    else files.push(input);
  }
  return [...new Set(files)];
}

async function pdfsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return (
    entries
      // A link to a PDF counts as the PDF (a dangling one then fails as file_not_found).
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.pdf$/i.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort((a, b) => a.localeCompare(b, "en"))
  );
}

/** With several files, each file's reports go to a folder of its own name inside --out. */
export function reportFolder(out: string | undefined, file: string, several: boolean): string | undefined {
  if (!out) return undefined;
  return several ? join(out, basename(file).replace(/\.pdf$/i, "")) : out;
}
