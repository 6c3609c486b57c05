import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The repository root holds the lockfile and node_modules of every workspace.
const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

const nextConfig: NextConfig = {
  outputFileTracingRoot: repositoryRoot,
  turbopack: { root: repositoryRoot },
  poweredByHeader: false,
  // The shared labels, formats and types come from the functions workspace as TypeScript source.
  transpilePackages: ["@finstat/functions"],
  // Types are checked by `npm run typecheck` (the root script runs the web's tsc too); the
  // build, which every `npm start` runs, does not spend another minute repeating it.
  typescript: { ignoreBuildErrors: true },
  // Every response, static files included; the Content-Security-Policy, which needs a fresh
  // nonce per page, is set by proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
