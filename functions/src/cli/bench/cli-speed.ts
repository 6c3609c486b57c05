import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { percentile } from "./score";

const run = promisify(execFile);

/** What a user of the shipped CLI waits for, measured on fresh processes. */
export interface CliSpeed {
  /** Median wall seconds of `analyze FILE --json` on one 2-page digital statement, process start to exit. */
  coldSeconds: number;
  files: number;
  pages: number;
  /** Pages per second of one `analyze DIR --jsonl` over the files … */
  batchPagesPerSecond: number;
  /** … and of one `analyze FILE --json` per file, one after the other. */
  singlePagesPerSecond: number;
  /** Milliseconds to import the compiled Lambda worker handler in a fresh process (its cold start). */
  workerModuleLoadMs: number;
}

async function wall(args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  await run(process.execPath, args, { cwd, maxBuffer: 256 * 1024 * 1024 }).catch(
    (error: { code?: number }) => {
      // A batch with a failed file exits 1 after doing all its work; only a crash is an error.
      if (error.code !== 1) throw error;
    },
  );
  return (performance.now() - started) / 1000;
}

/**
 * The compiled CLI (functions/dist, built first when missing) on the corpus's 2-page digital
 * statements: cold start of one run, then `files` documents as one batch against as many
 * single runs; and the compiled worker handler's module load.
 */
export async function measureCli(
  repoRoot: string,
  digital: Array<{ pdfPath: string; pages: number }>,
  files: number,
  log: (line: string) => void,
): Promise<CliSpeed | undefined> {
  const twoPage = digital.filter((d) => d.pages === 2);
  if (twoPage.length === 0 || files <= 0) return undefined;
  const cli = join(repoRoot, "functions/dist/cli/analyze.mjs");
  if (!existsSync(cli)) await run(process.execPath, ["scripts/build-functions.mjs"], { cwd: repoRoot });
  log(`cli: cold runs, then ${files} files as one batch and as ${files} single runs`);

  const first = twoPage[0]?.pdfPath as string;
  const cold: number[] = [];
  for (let i = 0; i < 3; i += 1) cold.push(await wall([cli, first, "--json"], repoRoot));

  const folder = await mkdtemp(join(tmpdir(), "finstat-cli-bench-"));
  try {
    const chosen = Array.from(
      { length: files },
      (_, i) => twoPage[i % twoPage.length] as (typeof twoPage)[0],
    );
    await Promise.all(
      chosen.map((d, i) => symlink(d.pdfPath, join(folder, `${String(i).padStart(3, "0")}.pdf`))),
    );
    const pages = chosen.reduce((sum, d) => sum + d.pages, 0);
    const batch = await wall([cli, folder, "--jsonl"], repoRoot);
    let singles = 0;
    for (const d of chosen) singles += await wall([cli, d.pdfPath, "--json"], repoRoot);
    const load = await run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const t = performance.now(); await import(${JSON.stringify(join(repoRoot, "functions/dist/handlers/worker.mjs"))}); console.log(performance.now() - t);`,
      ],
      { cwd: repoRoot },
    );
    return {
      coldSeconds: percentile(cold, 0.5),
      files,
      pages,
      batchPagesPerSecond: pages / batch,
      singlePagesPerSecond: pages / singles,
      workerModuleLoadMs: Math.round(Number(load.stdout.trim())),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function cliSpeedLine(speed: CliSpeed): string {
  return (
    `cli: cold analyze of a 2-page digital statement ${speed.coldSeconds.toFixed(2)} s wall (target ≤ 1.0 s); ` +
    `${speed.files} files (${speed.pages} pages): one batch ${speed.batchPagesPerSecond.toFixed(1)} pages/s, ` +
    `${speed.files} single runs ${speed.singlePagesPerSecond.toFixed(1)} pages/s; ` +
    `Lambda worker module load ${speed.workerModuleLoadMs} ms`
  );
}
