/**
 * `npm run build:web`: `next build` (a minute or two here), only when web/.next is missing or
 * older than what the web app is built from, so a second `npm start` without changes skips it.
 * `--force` always builds. The e2e tests call it the same way.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("../web", import.meta.url));
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "proxy.ts",
  "tsconfig.json",
  "package.json",
  "../package-lock.json",
  // Server modules the web bundles (display names, number formats, tax ids, shared types).
  "../functions/src/analysis",
  "../functions/src/pipeline/types.ts",
  "../functions/src/use-cases/tax-id.ts",
];

function newestTime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestTime(join(path, entry))),
    stats.mtimeMs,
  );
}

export function webBuildIsCurrent() {
  const buildId = join(web, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = Math.max(
    ...SOURCES.map((entry) => join(web, entry))
      .filter(existsSync)
      .map(newestTime),
  );
  return statSync(buildId).mtimeMs >= sources;
}

/**
 * Test files running in parallel each ask for the build: one builds, the others wait for it
 * and then find it current, instead of running `next build` twice into the same folder. The
 * lock is a directory holding the builder's pid; a lock whose process is gone is taken over.
 */
function withBuildLock(build) {
  const lock = join(web, ".next-build.lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (!lockHolderAlive(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    writeFileSync(join(lock, "pid"), String(process.pid));
    build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockHolderAlive(lock) {
  let pid;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    // Just made, pid not written yet: alive, unless it has stayed like that for a minute.
    return existsSync(lock) && Date.now() - statSync(lock).mtimeMs < 60_000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  withBuildLock(() => {
    if (!process.argv.includes("--force") && webBuildIsCurrent()) {
      process.stderr.write(
        "web: the build in web/.next is current (npm run build:web -- --force rebuilds)\n",
      );
    } else {
      execFileSync(
        process.execPath,
        [createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"],
        {
          cwd: web,
          stdio: ["ignore", "inherit", "inherit"],
          env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
        },
      );
    }
  });
}
