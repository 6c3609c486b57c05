/**
 * Compiles the server-side entry points to JavaScript in functions/dist, so the CLI, the local
 * server and the Lambda handlers start without a run-time TypeScript loader: one bundled file
 * per entry, our code only (npm packages stay in node_modules and load as they are). Each
 * output sits as deep under dist/ as its source under src/, so paths relative to the module
 * (drizzle/migrations) resolve the same from both. `npm ci` runs it (prepare), as do
 * `npm start` and the tests that run the compiled CLI.
 */
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const entries = {
  "cli/analyze": "functions/src/cli/analyze.ts",
  "cli/analyze-worker": "functions/src/cli/batch/analyze-worker.ts",
  "local/main": "functions/src/local/main.ts",
  "local/pipeline-thread": "functions/src/local/pipeline-thread.ts",
  "handlers/api": "functions/src/handlers/api.ts",
  "handlers/worker": "functions/src/handlers/worker.ts",
  "handlers/migrate": "functions/src/handlers/migrate.ts",
};

// npm packages stay external, but the workspaces' own packages are TypeScript source: bundle them.
const workspaceSource = {
  name: "workspace-source",
  setup(build) {
    build.onResolve({ filter: /^@finstat\/db\/schema$/ }, () => ({ path: `${root}drizzle/schema/index.ts` }));
  },
};

const started = performance.now();
await rm(`${root}functions/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: "functions/dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Code shared by the entries (the pipeline above all) is one chunk, loaded once.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node24",
  packages: "external",
  plugins: [workspaceSource],
  sourcemap: "linked",
  logLevel: "warning",
});
if (!process.argv.includes("--quiet"))
  process.stderr.write(`functions/dist built in ${Math.round(performance.now() - started)} ms\n`);
