import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";

export const REPOSITORY_ROOT = new URL("../../../", import.meta.url).pathname;
const WEB = join(REPOSITORY_ROOT, "web");
const SOURCES = [
  "app",
  "components",
  "lib",
  "next.config.ts",
  "package.json",
  // Server modules the web bundles (display names, number formats, tax ids).
  "../functions/src/analysis/labels.ts",
  "../functions/src/analysis/numberFormat.ts",
  "../functions/src/use-cases/tax-id.ts",
];

function newestSourceTime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestSourceTime(join(path, entry))),
    stats.mtimeMs,
  );
}

/**
 * `next build` takes a minute or two on this machine, so it runs only when web/.next is
 * missing or older than the web's sources.
 */
export function ensureWebBuild(log: (line: string) => void = () => {}): { built: boolean } {
  const buildId = join(WEB, ".next", "BUILD_ID");
  const sources = Math.max(
    ...SOURCES.map((entry) => join(WEB, entry))
      .filter(existsSync)
      .map(newestSourceTime),
  );
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return { built: false };
  log("building the web app (next build)…");
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"], {
    cwd: WEB,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return { built: true };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The real embedded server as `npm start` runs it (the compiled functions/dist/local/main.mjs,
 * which the integration project's set-up builds): API, worker and the built web app in one
 * Node process, with its own data directory, port and mail server.
 */
export async function startLocalServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["functions/dist/local/main.mjs"], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://localhost:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not become healthy within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000));
      if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
    },
  };
}
