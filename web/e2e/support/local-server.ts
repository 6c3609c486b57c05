import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export const REPOSITORY_ROOT = new URL("../../../", import.meta.url).pathname;
/**
 * `next build` takes a minute or two on this machine, so it runs only when web/.next is
 * missing or older than the web's sources (the check `npm run build:web` makes).
 */
export function ensureWebBuild(log: (line: string) => void = () => {}): { built: boolean } {
  const script = join(REPOSITORY_ROOT, "scripts", "build-web.mjs");
  const run = spawnSync(process.execPath, [script], { cwd: REPOSITORY_ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`npm run build:web failed:\n${run.stdout}${run.stderr}`);
  const built = !run.stderr.includes("is current");
  if (built) log("built the web app (next build)");
  return { built };
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
