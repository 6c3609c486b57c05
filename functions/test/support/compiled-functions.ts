import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Vitest global set-up of the integration project: compiles functions/dist from the sources
 * under test, so tests that run the shipped CLI (`npm run analyze`) never run a stale build.
 */
export default function compileFunctions(): void {
  const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
  execFileSync(process.execPath, ["scripts/build-functions.mjs", "--quiet"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
}
