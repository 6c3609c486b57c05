import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The repository root holds the lockfile and node_modules of every workspace.
const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

const nextConfig: NextConfig = {
  outputFileTracingRoot: repositoryRoot,
  turbopack: { root: repositoryRoot },
  poweredByHeader: false,
};

export default nextConfig;
