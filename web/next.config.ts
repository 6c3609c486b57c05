import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The repository root holds the lockfile and node_modules of every workspace.
const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

const nextConfig: NextConfig = {
  outputFileTracingRoot: repositoryRoot,
  turbopack: { root: repositoryRoot },
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (the root script runs the web's tsc too); the
  // build, which every `npm start` runs, does not spend another minute repeating it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
