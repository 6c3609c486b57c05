import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

/**
 * What a Lambda handler's bundle will contain, found by following its source imports the way
 * esbuild does (static imports, re-exports and literal dynamic imports; type-only imports are
 * erased). Used to check that every SST link the code reads is linked to that function and that
 * packages which read their own files at run time are installed rather than bundled.
 */
export interface HandlerReach {
  /** Source files reachable from the handler, relative to the repository root. */
  files: string[];
  /** npm packages imported anywhere in those files. */
  packages: Set<string>;
  /** Names read as Resource.X / Resource["X"]. */
  resourceNames: Set<string>;
  /** Package data referenced by path rather than import (fonts, language data). */
  assetPackages: Set<string>;
}

const sourceExtensions = [".ts", ".tsx", ".mts", ".js", ".mjs"];
const importPatterns = [
  /(?:^|[\s;}])import\s+(?!type\s)[^'"`;]*?from\s*["']([^"']+)["']/g,
  /(?:^|[\s;}])export\s+(?!type\s)[^'"`;]*?from\s*["']([^"']+)["']/g,
  /(?:^|[\s;}])import\s*["']([^"']+)["']/g,
  /\bimport\(\s*["']([^"']+)["']/g,
  /\brequire\(\s*["']([^"']+)["']\s*\)/g,
];
const resourcePatterns = [/\bResource\.(\w+)/g, /\bResource\[\s*["'](\w+)["']\s*\]/g];
const assetPattern = /["'`](dejavu-fonts-ttf|@tesseract\.js-data\/[\w-]+)[/"'`]/g;

export function resolveHandlerFile(root: string, handler: string): string | undefined {
  const base = resolve(root, handler.slice(0, handler.lastIndexOf(".")));
  return sourceExtensions.map((extension) => base + extension).find((file) => existsSync(file));
}

export function handlerReach(root: string, entryFile: string): HandlerReach {
  const reach: HandlerReach = {
    files: [],
    packages: new Set(),
    resourceNames: new Set(),
    assetPackages: new Set(),
  };
  const pending = [entryFile];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    reach.files.push(relative(root, file));
    const source = withoutComments(readFileSync(file, "utf8"));
    for (const pattern of resourcePatterns) {
      for (const match of source.matchAll(pattern)) reach.resourceNames.add(match[1]!);
    }
    for (const match of source.matchAll(assetPattern)) reach.assetPackages.add(match[1]!);
    for (const specifier of importSpecifiers(source)) {
      if (specifier.startsWith(".")) {
        const target = resolveSource(dirname(file), specifier);
        if (target) pending.push(target);
      } else if (!isBuiltin(specifier)) {
        reach.packages.add(packageName(specifier));
      }
    }
  }
  reach.files.sort();
  return reach;
}

/** Every Resource.X read anywhere under a directory, with the files that read it. */
export function resourceReadsUnder(root: string, directory: string): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  const files = readdirRecursive(resolve(root, directory)).filter(
    (file) => sourceExtensions.some((extension) => file.endsWith(extension)) && !/\.test\.tsx?$/.test(file),
  );
  for (const file of files) {
    const source = withoutComments(readFileSync(file, "utf8"));
    for (const pattern of resourcePatterns) {
      for (const match of source.matchAll(pattern)) {
        const name = match[1]!;
        reads.set(name, [...(reads.get(name) ?? []), relative(root, file)]);
      }
    }
  }
  return reads;
}

function importSpecifiers(source: string): string[] {
  return importPatterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

function resolveSource(directory: string, specifier: string): string | undefined {
  const base = resolve(directory, specifier);
  const stem = base.replace(/\.(m?js)$/, "");
  const candidates = [
    base,
    ...sourceExtensions.map((extension) => stem + extension),
    ...sourceExtensions.map((extension) => join(base, `index${extension}`)),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!);
}

/** Block comments and whole-line comments: enough to skip prose without touching URLs in strings. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

function readdirRecursive(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
