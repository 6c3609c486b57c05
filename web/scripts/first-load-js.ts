/**
 * First-load JavaScript per route of the production build: Next 16 no longer prints it, so
 * this reads the same manifests Next uses (the root main files every page loads plus the
 * route's own entry chunks) and sums their size, raw and gzip-compressed.
 *
 *   npm run size -w web            (after `npm run build -w web`)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const NEXT = join(import.meta.dirname, "..", ".next");

interface ClientReferenceManifest {
  entryJSFiles: Record<string, string[]>;
}

function manifests(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return manifests(path);
    return entry === "page_client-reference-manifest.js" ? [path] : [];
  });
}

function load(path: string): Record<string, ClientReferenceManifest> {
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } };
  runInNewContext(readFileSync(path, "utf8"), sandbox);
  return sandbox.globalThis.__RSC_MANIFEST ?? {};
}

const build = JSON.parse(readFileSync(join(NEXT, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
};
const sizes = new Map<string, { raw: number; gzip: number }>();
const sizeOf = (file: string) => {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(join(NEXT, file));
    size = { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
    sizes.set(file, size);
  }
  return size;
};

const rows = manifests(join(NEXT, "server", "app")).flatMap((path) =>
  Object.entries(load(path)).map(([route, manifest]) => {
    const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
    const total = [...files].reduce(
      (sum, file) => ({ raw: sum.raw + sizeOf(file).raw, gzip: sum.gzip + sizeOf(file).gzip }),
      {
        raw: 0,
        gzip: 0,
      },
    );
    return {
      route: route.replace(/\/page$/, "") || "/",
      files: files.size,
      ...total,
      manifest: relative(NEXT, path),
    };
  }),
);

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
console.log("First-load JavaScript per route (gzip -9 of the chunks a first visit loads)\n");
for (const row of rows.sort((a, b) => a.route.localeCompare(b.route))) {
  console.log(
    `${row.route.padEnd(36)} ${String(row.files).padStart(3)} files  ${kB(row.raw).padStart(10)} raw  ${kB(row.gzip).padStart(9)} gzip`,
  );
}
