import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlerReach, resolveHandlerFile, resourceReadsUnder } from "./handler-reach";

/** The import-graph reader behind the infra contract, checked on a small throw-away source tree. */

let root: string;

const sources: Record<string, string> = {
  "src/handlers/worker.ts": [
    'import { type Config, readConfig } from "../platform/config";',
    'import type { Hidden } from "../platform/types-only";',
    'export { helper } from "./helper.js";',
    'import sharp from "sharp";',
    'import "node:fs";',
    "export async function handler() {",
    '  const { createCanvas } = await import("@napi-rs/canvas");',
    "  return [readConfig(), sharp, createCanvas];",
    "}",
  ].join("\n"),
  "src/handlers/helper.ts": [
    "/* Resource.InAComment is prose, not a read */",
    'const fonts = "dejavu-fonts-ttf/ttf/DejaVuSans.ttf";',
    "export const helper = () => fonts;",
  ].join("\n"),
  "src/platform/config/index.ts": [
    'import { Resource } from "sst";',
    'import { z } from "zod/v4";',
    'export const readConfig = () => [Resource.Uploads.name, Resource["JwtSecret"].value, z];',
    "export type Config = string;",
  ].join("\n"),
  "src/platform/types-only.ts":
    'import { Resource } from "sst";\nexport type Hidden = typeof Resource.Secret;',
  "src/unreached.ts": 'import { Resource } from "sst";\nexport const other = Resource.Mailer.sender;',
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "finstat-reach-"));
  for (const [path, source] of Object.entries(sources)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("handlerReach", () => {
  it("resolves a handler path to its source file", () => {
    expect(resolveHandlerFile(root, "src/handlers/worker.handler")).toBe(
      join(root, "src/handlers/worker.ts"),
    );
    expect(resolveHandlerFile(root, "src/handlers/missing.handler")).toBeUndefined();
  });

  it("follows value imports, re-exports and directory indexes but not type-only imports", () => {
    const reach = handlerReach(root, join(root, "src/handlers/worker.ts"));
    expect(reach.files).toEqual([
      "src/handlers/helper.ts",
      "src/handlers/worker.ts",
      "src/platform/config/index.ts",
    ]);
  });

  it("collects packages (static and dynamic), resource reads and asset packages", () => {
    const reach = handlerReach(root, join(root, "src/handlers/worker.ts"));
    expect([...reach.packages].sort()).toEqual(["@napi-rs/canvas", "sharp", "sst", "zod"]);
    expect([...reach.resourceNames].sort()).toEqual(["JwtSecret", "Uploads"]);
    expect([...reach.assetPackages]).toEqual(["dejavu-fonts-ttf"]);
  });

  it("lists every resource read under a directory with the files that read it", () => {
    const reads = resourceReadsUnder(root, "src");
    expect(reads.get("Mailer")).toEqual(["src/unreached.ts"]);
    expect(reads.get("Uploads")).toEqual(["src/platform/config/index.ts"]);
    expect(reads.has("InAComment")).toBe(false);
  });
});
